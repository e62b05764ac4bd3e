package io.starexport.sentiment.vader;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Python behaviours the scores depend on; expected values are what Python 3 returns. */
class PythonTextTest {

    @Test
    void roundsTheExactBinaryValueHalfToEven() {
        assertThat(PythonText.round(2.675, 2)).isEqualTo(2.67); // 2.675 is 2.67499999... in binary
        assertThat(PythonText.round(0.125, 2)).isEqualTo(0.12); // an exact tie goes to even
        assertThat(PythonText.round(0.375, 2)).isEqualTo(0.38);
        assertThat(PythonText.round(0.12345, 4)).isEqualTo(0.1235); // 0.12345000000000000417 in binary
        assertThat(PythonText.round(-0.56789, 4)).isEqualTo(-0.5679);
        assertThat(PythonText.round(-0.00001, 4)).isEqualTo(-0.0);
    }

    @Test
    void upperCaseNeedsACasedCharacterAndNoLowerCaseOne() {
        assertThat(PythonText.isUpper("GOOD")).isTrue();
        assertThat(PythonText.isUpper("GOOD!")).isTrue();
        assertThat(PythonText.isUpper("ÉTÉ")).isTrue();
        assertThat(PythonText.isUpper(":)")).isFalse();
        assertThat(PythonText.isUpper(":D")).isTrue();
        assertThat(PythonText.isUpper("Good")).isFalse();
        assertThat(PythonText.isUpper("ǅ")).isFalse(); // titlecase
    }

    @Test
    void whitespaceIsPythonsIncludingNoBreakSpaces() {
        assertThat(PythonText.strip("\u00a0\u2007 x \u3000\u001c")).isEqualTo("x");
        assertThat(PythonText.isSpace('\u200b')).isFalse(); // zero-width space is not whitespace
    }
}
