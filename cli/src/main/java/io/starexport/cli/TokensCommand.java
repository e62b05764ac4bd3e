package io.starexport.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.server.Tokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

/** {@code starexport tokens create|list|revoke}: the API tokens of a server directory ({@link Tokens}). */
@Command(name = "tokens", usageHelpWidth = 100, mixinStandardHelpOptions = true,
        description = "Creates, lists and revokes the API tokens of a 'starexport serve' directory. A token's secret "
                + "is shown once, when it is created; only its SHA-256 is stored. Clients send it in X-AUTH-TOKEN "
                + "(ExportComments' API) or as Authorization: Bearer (Star Export API).",
        subcommands = {TokensCommand.Create.class, TokensCommand.ListTokens.class, TokensCommand.Revoke.class},
        footer = {
            "",
            "Examples:",
            "  starexport tokens create laptop --dir /tmp/starexport-server",
            "  starexport tokens create ci --json",
            "  starexport tokens list",
            "  starexport tokens revoke 3f2b8c1e-5d4a-4f7e-9c3b-2a1d0e9f8b7c"})
final class TokensCommand {

    /** {@code --dir}, shared by the subcommands. */
    static final class Directory {
        @Option(names = "--dir", paramLabel = "DIR", description = "The server's directory; default "
                + ".starexport/server in the current directory, as for 'starexport serve'.")
        Path dir;

        Tokens open() {
            return Tokens.open(dir != null ? dir : ServeCommand.DEFAULT_DIR);
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Creates a token valid for a year and prints its secret on stdout, this once.")
    static final class Create implements Callable<Integer>, Main.HasCommonOptions {
        @Spec
        private CommandSpec spec;
        @Parameters(paramLabel = "NAME", description = "A name to tell tokens apart, such as the machine that uses it.")
        private String name;
        @Mixin
        private Directory directory;
        @Mixin
        private CommonOptions common;

        @Override
        public CommonOptions common() {
            return common;
        }

        @Override
        public Integer call() {
            Tokens.Created created = Commands.usage(spec, () -> directory.open().create(name));
            PrintWriter out = Commands.main(spec).out();
            if (common.json) {
                ObjectNode data = JsonOutput.object();
                data.put("token", created.secret());
                JsonOutput.success(out, data);
                return ExitCode.OK;
            }
            out.println(created.secret());
            out.flush();
            Commands.main(spec).err().println("Created token '" + name + "' (id " + created.token().uuid() + "), valid until "
                    + created.token().expiresAt() + ". Copy it now: it cannot be shown again.");
            Commands.main(spec).err().flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the tokens, newest expiry first; "
            + "never their secrets.")
    static final class ListTokens implements Callable<Integer>, Main.HasCommonOptions {
        @Spec
        private CommandSpec spec;
        @Mixin
        private Directory directory;
        @Mixin
        private CommonOptions common;

        @Override
        public CommonOptions common() {
            return common;
        }

        @Override
        public Integer call() {
            List<Tokens.Token> tokens = directory.open().list();
            Instant now = Instant.now();
            if (common.json) {
                ArrayNode data = JsonOutput.array();
                for (Tokens.Token token : tokens) {
                    ObjectNode node = data.addObject();
                    node.put("id", token.uuid().toString());
                    node.put("name", token.name());
                    node.put("created_at", token.createdAt().toString());
                    node.put("expires_at", token.expiresAt().toString());
                    node.put("expired", token.isExpiredAt(now));
                }
                JsonOutput.success(Commands.main(spec).out(), data);
                return ExitCode.OK;
            }
            TextTable table = new TextTable("ID", "NAME", "CREATED", "EXPIRES");
            tokens.forEach(t -> table.row(t.uuid().toString(), t.name(), t.createdAt().toString(),
                    t.expiresAt() + (t.isExpiredAt(now) ? " (expired)" : "")));
            table.print(Commands.main(spec).out());
            return ExitCode.OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Deletes a token; requests that "
            + "present it are refused from then on, also by a server already running on the directory.")
    static final class Revoke implements Callable<Integer>, Main.HasCommonOptions {
        @Spec
        private CommandSpec spec;
        @Parameters(paramLabel = "ID", description = "The token's id, from 'starexport tokens list'.")
        private String id;
        @Mixin
        private Directory directory;
        @Mixin
        private CommonOptions common;

        @Override
        public CommonOptions common() {
            return common;
        }

        @Override
        public Integer call() {
            UUID uuid = Commands.id(spec, id);
            if (!directory.open().revoke(uuid)) {
                throw ExportException.of(ErrorCode.NOT_FOUND, "No token with id " + uuid
                        + "; 'starexport tokens list' lists them.");
            }
            if (common.json) {
                ObjectNode data = JsonOutput.object();
                data.put("revoked", uuid.toString());
                JsonOutput.success(Commands.main(spec).out(), data);
            } else {
                Commands.main(spec).err().println("Revoked token " + uuid + ".");
                Commands.main(spec).err().flush();
            }
            return ExitCode.OK;
        }
    }
}
