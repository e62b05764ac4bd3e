package io.starexport.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code starexport completion}: prints the bash completion script picocli's {@link AutoComplete} generates from
 * the commands and options; zsh loads it through {@code bashcompinit}.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Prints a shell completion script for starexport: commands, options and option values.",
            "bash: source <(starexport completion), or save it as "
                    + "~/.local/share/bash-completion/completions/starexport.",
            "zsh: autoload -U +X compinit && compinit; autoload -U +X bashcompinit && bashcompinit; "
                    + "source <(starexport completion)"},
        footer = {
            "",
            "Examples:",
            "  source <(starexport completion)",
            "  starexport completion > ~/.local/share/bash-completion/completions/starexport",
            "  echo 'source <(starexport completion)' >> ~/.zshrc"})
final class CompletionCommand implements Callable<Integer>, Main.HasCommonOptions {
    static final String SHELL = "bash";

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public Integer call() {
        String script = AutoComplete.bash(spec.root().name(), spec.root().commandLine());
        if (common.json) {
            ObjectNode data = JsonOutput.object();
            data.put("shell", SHELL);
            data.put("script", script);
            JsonOutput.success(main.out(), data);
        } else {
            main.out().print(script);
            main.out().flush();
        }
        return ExitCode.OK;
    }
}
