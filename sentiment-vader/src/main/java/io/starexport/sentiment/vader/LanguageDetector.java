package io.starexport.sentiment.vader;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Tells the language of a short text, such as a comment, well enough to know whether an English
 * analyzer can judge it. A rule, not a statistical model, chosen for size and speed (see
 * docs/sentiment.md for the measurements against Lingua):
 *
 * <ul>
 *   <li>Text written mostly in a script other than Latin gets that script's language where the script
 *       names one (Hangul {@code ko}, kana {@code ja}, Han {@code zh}, Cyrillic {@code ru} or {@code uk},
 *       Arabic {@code ar}, {@code fa} or {@code ur}, Devanagari {@code hi}, Thai, Greek, Hebrew, ...), and
 *       {@code und} otherwise; it is never English.</li>
 *   <li>Latin-script text counts its common function words ("the", "que", "und", "yang", ...) and
 *       letters only some languages use ("ñ", "ã", "ß", "ğ", "ł", "ơ") for English and twelve
 *       other languages often seen in comments: es, pt, fr, de, it, nl, id, tr, pl, tl, sv, vi.
 *       Another language wins only with more evidence than English has; English wins ties; words
 *       English shares count for English only; words in addresses, mentions and tags do not count;
 *       text without evidence ("lol", "W video", emoji only) is {@code und}.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class LanguageDetector {
    /** The code of undetermined language (ISO 639-2), for text that gives no evidence. */
    public static final String UNDETERMINED = "und";
    /** The code of English (ISO 639-1). */
    public static final String ENGLISH = "en";

    private static final LanguageDetector DEFAULTS = new LanguageDetector();

    /** The Latin-script languages told apart, English first so that it wins ties. */
    private enum Latin {
        EN("the and is are were this that with you your you're i'm it's it of to for not but have has they what "
                + "just like my we he she been can't don't didn't i if how why who all at or from do did can would "
                + "there their get got one out about know when love good great lol omg really very much more these "
                + "those than then because only make even should could our his her them been being thank thanks "
                + "best song video", ""),
        ES("el los las que qué es muy pero por para con una como más mi lo del este esta esto estoy está yo "
                + "también porque cuando todo gracias jajaja jaja jajajaja hermoso hermosa canción nada bien eres "
                + "tu su sus hay ser fue mejor amo quiero puedo siempre", "ñ"),
        PT("não que é muito mais com uma um para por mas eu você voce isso esse essa meu minha obrigado obrigada "
                + "kkkk kkk kkkkk kkkkkk tá está bem também quando tudo ele ela nós os ao na dos das vc pra pelo parabéns",
                "ã õ"),
        FR("le les des est et je tu il elle nous vous pas ne une un c'est j'ai qui mais pour avec sur dans très "
                + "trop bien merci ça ce cette mon ma mes du au aux j'adore mdr ptdr vraiment oui suis sont", ""),
        DE("der das und ist nicht ich du er sie wir ihr ein eine einen mit auf für von zu dem sehr auch "
                + "aber wie noch schon mal mir mich dich danke geil gut oder wenn weil hab habe bin bist sind "
                + "wird kann nur immer hier jetzt nie", "ß"),
        IT("il che è di una sono mi questo questa molto bello bella grazie anche hai della del nel alla "
                + "più tutto io gli sei ciao bravi perché cosa davvero niente complimenti", ""),
        NL("het een van niet dat ik met op voor zijn maar ook wat echt heel mooi dit deze nog wel geen hij jij "
                + "jullie bedankt leuk", ""),
        ID("yang dan ini itu di ke dari tidak nggak gak ga aku saya kamu banget sama bagus terima kasih makasih "
                + "ada juga dengan untuk sudah udah lagi bisa mau kak bang wkwk wkwkwk lagu suka semangat sangat "
                + "keren", ""),
        TR("bir ve bu çok için sen var yok güzel teşekkürler mı ama gibi daha şarkı seviyorum abi harika "
                + "değil olsun oldu", "ğ ş ı"),
        PL("nie jest się że jak co ale tak mnie jestem bardzo dzięki fajny fajne tylko już czy jego jej który "
                + "świetny świetne dobry dobrze", "ł ą ę ś ź ż ń"),
        TL("ang ng mga sa na ako ikaw ka ko mo siya ito yan yung lang po naman talaga ganda maganda salamat sobrang "
                + "kanta hindi kasi", ""),
        SV("och är det att jag inte som på för med har vi så men om mycket bra tack också", "å"),
        VI("không này quá và là của được có rất cho người bạn mình", "ơ ư đ ạ ả ấ ầ ẩ ẫ ậ ắ ằ ẳ ẵ ặ ẹ ẻ ẽ ế ề ể ễ ệ ỉ ị ọ ỏ ố ồ ổ ỗ ộ ớ ờ ở ỡ ợ ụ ủ ứ ừ ử ữ ự ỳ ỵ ỷ ỹ");

        final List<String> words;
        final List<String> letters;

        Latin(String words, String letters) {
            this.words = List.of(words.split(" "));
            this.letters = letters.isEmpty() ? List.of() : List.of(letters.split(" "));
        }

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Each evidence word or letter, and the languages it counts for (bits by {@link Latin#ordinal()}). */
    private final Map<String, Integer> words = new HashMap<>();
    private final Map<Integer, Integer> letters = new HashMap<>();

    private LanguageDetector() {
        for (Latin language : Latin.values()) {
            for (String word : language.words) {
                // A word English shares counts for English only.
                if (language == Latin.EN || !Latin.EN.words.contains(word)) {
                    words.merge(word, 1 << language.ordinal(), (a, b) -> a | b);
                }
            }
            for (String letter : language.letters) {
                letters.merge(letter.codePointAt(0), 1 << language.ordinal(), (a, b) -> a | b);
            }
        }
    }

    /**
     * The detector with the rule above.
     *
     * @return a shared, thread-safe detector
     */
    public static LanguageDetector ofDefaults() {
        return DEFAULTS;
    }

    /**
     * The language of a text.
     *
     * @param text any text
     * @return an ISO 639-1 code such as {@code en} or {@code es}, or {@link #UNDETERMINED}
     * @throws NullPointerException if {@code text} is null
     */
    public String detect(String text) {
        Objects.requireNonNull(text, "text");
        int latinLetters = 0;
        Map<Character.UnicodeScript, Integer> otherScripts = null;
        int[] counts = new int[Latin.values().length];
        int wordStart = -1;
        for (int i = 0; i <= text.length(); ) {
            int c = i < text.length() ? text.codePointAt(i) : ' ';
            boolean wordChar = Character.isLetter(c) || c == '\'' || c == '’';
            if (Character.isLetter(c)) {
                Character.UnicodeScript script = c < 0x80 ? Character.UnicodeScript.LATIN : Character.UnicodeScript.of(c);
                if (script == Character.UnicodeScript.LATIN) {
                    latinLetters++;
                    Integer languages = c < 0x80 ? null : letters.get(Character.toLowerCase(c));
                    if (languages != null) {
                        count(counts, languages);
                    }
                } else {
                    if (otherScripts == null) {
                        otherScripts = new EnumMap<>(Character.UnicodeScript.class);
                    }
                    otherScripts.merge(script, 1, Integer::sum);
                }
            }
            if (wordChar && wordStart < 0) {
                wordStart = i;
            } else if (!wordChar && wordStart >= 0) {
                // Words in addresses, mentions and tags ("msnbc.com", "@ben", "#win") are not prose.
                char before = wordStart > 0 ? text.charAt(wordStart - 1) : ' ';
                boolean prose = before != '.' && before != '@' && before != '#' && before != '/' && before != '_';
                String word = trimQuotes(text.substring(wordStart, i).toLowerCase(Locale.ROOT).replace('’', '\''));
                Integer languages = prose ? words.get(word) : null;
                if (languages != null) {
                    count(counts, languages);
                }
                wordStart = -1;
            }
            i += i < text.length() ? Character.charCount(c) : 1;
        }
        if (otherScripts != null) {
            Map.Entry<Character.UnicodeScript, Integer> top = otherScripts.entrySet().stream()
                    .max(Map.Entry.comparingByValue()).orElseThrow();
            if (top.getValue() > latinLetters) {
                return scriptLanguage(top.getKey(), otherScripts, text);
            }
        }
        int best = 0;
        for (int language = 1; language < counts.length; language++) {
            if (counts[language] > counts[best]) {
                best = language;
            }
        }
        return counts[best] == 0 ? UNDETERMINED : Latin.values()[best].code();
    }

    /** Apostrophes used as quotation marks ('so' 'this') are not part of the word. */
    private static String trimQuotes(String word) {
        int from = 0;
        int to = word.length();
        while (from < to && word.charAt(from) == '\'') {
            from++;
        }
        while (to > from && word.charAt(to - 1) == '\'') {
            to--;
        }
        return word.substring(from, to);
    }

    private static void count(int[] counts, int languages) {
        for (int language = 0; language < counts.length; language++) {
            if ((languages & (1 << language)) != 0) {
                counts[language]++;
            }
        }
    }

    private static String scriptLanguage(Character.UnicodeScript script, Map<Character.UnicodeScript, Integer> scripts,
            String text) {
        return switch (script) {
            case HANGUL -> "ko";
            case HIRAGANA, KATAKANA -> "ja";
            case HAN -> scripts.containsKey(Character.UnicodeScript.HIRAGANA)
                    || scripts.containsKey(Character.UnicodeScript.KATAKANA) ? "ja" : "zh";
            case CYRILLIC -> text.chars().anyMatch(c -> c == 'і' || c == 'ї' || c == 'є' || c == 'ґ') ? "uk" : "ru";
            case ARABIC -> text.chars().anyMatch(c -> c == 'ٹ' || c == 'ڈ' || c == 'ڑ' || c == 'ں' || c == 'ے') ? "ur"
                    : text.chars().anyMatch(c -> c == 'پ' || c == 'چ' || c == 'ژ' || c == 'گ' || c == 'ی') ? "fa" : "ar";
            case DEVANAGARI -> "hi";
            case BENGALI -> "bn";
            case TAMIL -> "ta";
            case TELUGU -> "te";
            case THAI -> "th";
            case GREEK -> "el";
            case HEBREW -> "he";
            case GEORGIAN -> "ka";
            case ARMENIAN -> "hy";
            case ETHIOPIC -> "am";
            case KHMER -> "km";
            case LAO -> "lo";
            case MYANMAR -> "my";
            case SINHALA -> "si";
            case GUJARATI -> "gu";
            case GURMUKHI -> "pa";
            case KANNADA -> "kn";
            case MALAYALAM -> "ml";
            case ORIYA -> "or";
            case TIBETAN -> "bo";
            case THAANA -> "dv";
            default -> UNDETERMINED;
        };
    }

    @Override
    public String toString() {
        return "LanguageDetector[script, and function words of en es pt fr de it nl id tr pl tl sv vi]";
    }
}
