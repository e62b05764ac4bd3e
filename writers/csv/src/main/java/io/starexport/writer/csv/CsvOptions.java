package io.starexport.writer.csv;

import io.starexport.spi.FormatOptions;
import io.starexport.spi.WriterOptions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code csv} format's own options, from {@link CsvFormat#options()}. Immutable; each {@code with}-style
 * call returns a copy. In an export request they travel as the names {@value #BYTE_ORDER_MARK} and
 * {@value #FORMULA_PROTECTION} with the values {@code true} or {@code false}.
 *
 * <pre>{@code
 * star.export(url).comments().to(Path.of("comments.csv"), CsvFormat.options().byteOrderMark(true)).run();
 * }</pre>
 */
public final class CsvOptions implements FormatOptions {
    /** The option name of {@link #byteOrderMark(boolean)}. */
    public static final String BYTE_ORDER_MARK = "byteOrderMark";
    /** The option name of {@link #formulaProtection(boolean)}. */
    public static final String FORMULA_PROTECTION = "formulaProtection";

    private final boolean byteOrderMark;
    private final boolean formulaProtection;

    private CsvOptions(boolean byteOrderMark, boolean formulaProtection) {
        this.byteOrderMark = byteOrderMark;
        this.formulaProtection = formulaProtection;
    }

    static CsvOptions defaults() {
        return new CsvOptions(false, true);
    }

    /**
     * The options a writer was opened with.
     *
     * @throws IllegalArgumentException for a value other than {@code true} or {@code false}
     */
    static CsvOptions from(WriterOptions options) {
        return new CsvOptions(flag(options.option(BYTE_ORDER_MARK), BYTE_ORDER_MARK, false),
                flag(options.option(FORMULA_PROTECTION), FORMULA_PROTECTION, true));
    }

    private static boolean flag(Optional<String> value, String name, boolean fallback) {
        return value.map(text -> switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("the csv option " + name + " must be true or false but was '"
                    + text + "'");
        }).orElse(fallback);
    }

    /**
     * A copy that starts a new file with a UTF-8 byte order mark, which Excel needs to read UTF-8; off by default.
     * A resumed file gets none.
     */
    public CsvOptions byteOrderMark(boolean byteOrderMark) {
        return new CsvOptions(byteOrderMark, formulaProtection);
    }

    /**
     * A copy that neutralises spreadsheet formulas in text cells (OWASP CSV injection) or leaves cells as they
     * are; on by default.
     */
    public CsvOptions formulaProtection(boolean formulaProtection) {
        return new CsvOptions(byteOrderMark, formulaProtection);
    }

    /** Whether a new file starts with a byte order mark. */
    public boolean byteOrderMark() {
        return byteOrderMark;
    }

    /** Whether formulas are neutralised. */
    public boolean formulaProtection() {
        return formulaProtection;
    }

    /** {@code "csv"}. */
    @Override
    public String format() {
        return "csv";
    }

    /** The options that differ from the defaults. */
    @Override
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        if (byteOrderMark) {
            map.put(BYTE_ORDER_MARK, "true");
        }
        if (!formulaProtection) {
            map.put(FORMULA_PROTECTION, "false");
        }
        return Map.copyOf(map);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CsvOptions that && byteOrderMark == that.byteOrderMark
                && formulaProtection == that.formulaProtection;
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(byteOrderMark) * 31 + Boolean.hashCode(formulaProtection);
    }

    @Override
    public String toString() {
        return "CsvOptions[byteOrderMark=" + byteOrderMark + ", formulaProtection=" + formulaProtection + "]";
    }
}
