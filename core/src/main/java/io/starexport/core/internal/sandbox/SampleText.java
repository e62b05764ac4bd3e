package io.starexport.core.internal.sandbox;

import io.starexport.spi.SampleStyle.Handles;

import java.util.List;
import java.util.Locale;

/**
 * Sample texts and names. The mix is deliberate: short and long texts, several lines, emoji (flags,
 * skin tones, ZWJ families), commas and double quotes, non-Latin scripts, and texts starting with
 * {@code =}, {@code +}, {@code -} or {@code @}, so a host's CSV injection protection and text
 * handling get exercised by a sandbox export.
 */
final class SampleText {
    private static final List<String> SHORT = List.of(
            "First!", "This is gold", "lol", "Underrated.", "W", "Same here", "Who's watching in 2026?",
            "Thanks for sharing", "Can confirm.", "This.", "Saved for later", "Legend", "Needs more views",
            "ok but why is this so relatable", "Agreed", "Not me replaying this 10 times", "Take my upvote",
            "Came here from the newsletter", "Best one yet", "Wait what", "Instant classic", "Facts");
    private static final List<String> EMOJI = List.of(
            "👍", "😂😂😂 I can't", "🔥🔥🔥", "My whole family watched this together 👨‍👩‍👧‍👦",
            "Greetings from Tokyo 🇯🇵", "❤️🥀😁", "🫶🏽 love this", "👩🏽‍💻 developer here, can confirm",
            "😭😭😭 the ending", "🙌🏾🙌🏾", "This made my day ☀️🌈", "🇧🇷🇧🇷🇧🇷", "10/10 🐐", "👀");
    private static final List<String> QUOTED = List.of(
            "He said \"it's fine\", and then it wasn't.",
            "Ingredients: flour, sugar, eggs, \"a pinch\" of salt, and patience.",
            "The \"best\" part, honestly, was the ending.",
            "Quote of the day: \"Stay hungry, stay foolish.\"",
            "My teacher, Mrs. O'Neil, always said \"measure twice, cut once\", and she was right.",
            "\"Quick question\", he said, 45 minutes ago.",
            "Price: $1,299.00, \"limited offer\", yeah right",
            "Columns: name, date, \"notes, with commas\", total");
    private static final List<String> MULTILINE = List.of(
            "Timestamps:\n0:00 Intro\n2:15 Setup\n7:40 Results\n12:03 Outro",
            "Three things I learned:\n1. Start small\n2. Measure twice\n3. Ship it",
            "Edit: thanks for the likes!\n\nDidn't expect this to blow up.",
            "Line one\nLine two\nLine three, with a comma",
            "Roses are red,\nviolets are blue,\nthis comment has\nfour lines too",
            "Typed on an old laptop\r\nWindows line endings and all",
            "TL;DR\n\nIt works. Mostly.");
    private static final List<String> NON_LATIN = List.of(
            "日本語のコメントです。とても面白い動画でした！🇯🇵",
            "Отличное видео, спасибо! Жду продолжения.",
            "شكراً على هذا الفيديو الرائع",
            "这个太好笑了😂",
            "정말 유익한 영상이에요 👍",
            "हिंदी में भी बनाओ please 🙏",
            "Ευχαριστώ πολύ, πολύ χρήσιμο!",
            "Muito bom! Saudações do Brasil 🇧🇷",
            "Çok güzel olmuş, eline sağlık");
    private static final List<String> FORMULA_LIKE = List.of(
            "=1+1 is the answer, obviously",
            "=HYPERLINK(\"https://example.com\",\"click me\")",
            "@everyone look at 1:23",
            "-1 for the audio, +1 for the content",
            "+44 here, greetings from London",
            "@channel please do a part 2!",
            "--- just my two cents ---",
            "=SUM(A1:A3) is all I know about spreadsheets");
    private static final List<String> QUESTIONS = List.of(
            "What camera do you use?", "Does anyone know the song at 3:14?", "Is this still available?",
            "How long did this take you?", "Where is this?", "Can you make a tutorial on this?",
            "Anyone else here after the update?", "Why does this only have 2k views??");
    private static final List<String> SENTENCES = List.of(
            "I have been following this for a while and this is by far the best one.",
            "The attention to detail is unreal, especially in the second half.",
            "My grandmother used to do exactly this, every single summer.",
            "Honestly, I expected it to fail, and I'm glad I was wrong.",
            "The sound design alone deserves an award.",
            "People underestimate how much work goes into something like this.",
            "I tried it myself last weekend; it took three attempts, but it worked.",
            "Whoever edited this, thank you.",
            "Coming back to this after a year and it still holds up.",
            "One small correction: the second step needs to happen before the first.",
            "This is the kind of content the internet was made for.",
            "I showed this to my class and they loved it.");

    private static final List<String> TITLES = List.of(
            "How I built a cabin in 30 days", "Trying every \"viral\" recipe, ranked",
            "日本の夏祭り 2025 🇯🇵", "TIL that octopuses have three hearts",
            "[OC] My first woodworking project, 6 months in", "What's a skill everyone should learn?",
            "=SUM() and 9 other spreadsheet tricks", "I tested 5 budget microphones, here's the winner",
            "Why nobody talks about this, anymore", "A day in the life of a night-shift baker",
            "Первый раз на Байкале", "Fixing a 40-year-old radio", "The best pasta I've ever made 🍝",
            "-40° in Yakutsk: what it's really like", "@home studio tour, 2026 edition");
    private static final List<String> CAPTIONS = List.of(
            "Golden hour in Lisbon ☀️ #travel #lisbon", "POV: you finally fixed the bug 😭 #coding #fyp",
            "Sunday reset 🧺✨\n\nWhat does yours look like?", "New drop, link in bio 🔥",
            "Recipe below 👇\n\n200 g flour, 2 eggs, a pinch of salt", "東京の朝 🇯🇵 #tokyo",
            "Dance challenge with the whole family 👨‍👩‍👧‍👦 #dance", "\"Just one more\", she said 😂",
            "-20% for followers this week only", "@bestfriend remember this? 🥹");
    private static final List<String> BIOS = List.of(
            "Photographer 📷 | Lisbon 🇵🇹\nDMs open for collabs",
            "Making videos about wood, tools and mistakes 🪵\nBusiness: hello@example.com",
            "coffee ☕, code 💻, cats 🐈", "Travelling the world one street food at a time 🌮🍜🥟",
            "日本在住 | 写真と旅 ✈️", "Music producer 🎧 \"new single out now\"",
            "Just here for the comments 👀", "Official account. Opinions are my own, obviously.");

    private static final List<String> ADJECTIVES = List.of(
            "quiet", "sunny", "brave", "lazy", "cosmic", "rusty", "happy", "tiny", "wild", "gentle",
            "golden", "silver", "crispy", "sleepy", "lucky", "misty", "funky", "noble", "salty", "swift",
            "amber", "arctic", "bold", "calm", "clever", "dusty", "eager", "fuzzy", "grumpy", "humble",
            "jolly", "keen", "mellow", "neon", "odd", "proud", "rapid", "shy", "witty", "zesty");
    private static final List<String> NOUNS = List.of(
            "fox", "otter", "baker", "pixel", "falcon", "maple", "panda", "comet", "walrus", "river",
            "cactus", "noodle", "badger", "harbor", "tiger", "lemon", "raven", "cloud", "mango", "ember",
            "bison", "koala", "pepper", "quokka", "sparrow", "tulip", "violin", "wombat", "yak", "zebra",
            "anchor", "banjo", "cobalt", "dingo", "gecko", "heron", "igloo", "jaguar", "kiwi", "lynx");
    private static final List<String> DISPLAY_NAMES = List.of(
            "Anna Müller", "Kenji Sato", "Олег Иванов", "María García", "Aisha Khan", "山田太郎",
            "Chloé Martin", "Liam O'Brien", "Nguyễn Văn An", "Fatima Zahra", "Lars Øverby", "Priya Sharma",
            "Sam 🎧", "🦋Dua editor 🐝", "Jo", "Dr. Emily Chen", "Mateus \"Teco\" Silva", "김민준",
            "Zoë Adams", "Ahmed Hassan", "Sofia Rossi", "Björn Svensson", "Ngozi Okafor", "Tom");

    private SampleText() {
    }

    /** A comment text, now and then one of the platform's own phrases. */
    static String comment(Rng rng, List<String> phrases) {
        int roll = rng.nextInt(100);
        if (roll < 22) {
            return rng.pick(SHORT);
        } else if (roll < 32) {
            return rng.pick(EMOJI);
        } else if (roll < 41) {
            return rng.pick(QUOTED);
        } else if (roll < 50) {
            return rng.pick(MULTILINE);
        } else if (roll < 58) {
            return paragraphs(rng);
        } else if (roll < 67) {
            return rng.pick(NON_LATIN);
        } else if (roll < 73) {
            return rng.pick(FORMULA_LIKE);
        } else if (roll < 81) {
            return rng.pick(QUESTIONS);
        }
        return rng.pick(phrases.isEmpty() ? SHORT : phrases);
    }

    /** A long text: two to six sentences, sometimes in paragraphs. */
    static String paragraphs(Rng rng) {
        int sentences = rng.between(2, 6);
        int start = rng.nextInt(SENTENCES.size());
        int step = rng.pick(List.of(1, 5, 7, 11));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            if (i > 0) {
                text.append(rng.chance(0.3) ? "\n\n" : " ");
            }
            // A step coprime to the 12 sentences visits each at most once.
            text.append(SENTENCES.get((start + i * step) % SENTENCES.size()));
        }
        return text.toString();
    }

    static String title(Rng rng) {
        return rng.pick(TITLES);
    }

    static String caption(Rng rng) {
        return rng.chance(0.2) ? rng.pick(CAPTIONS) + "\n\n" + paragraphs(rng) : rng.pick(CAPTIONS);
    }

    static String bio(Rng rng) {
        return rng.pick(BIOS);
    }

    /** The display name of a sample person; several people share common names, as in life. */
    static String displayName(long person) {
        return DISPLAY_NAMES.get((int) Math.floorMod(Rng.mix(person), (long) DISPLAY_NAMES.size()));
    }

    /**
     * The user name of a sample person in a platform's usual style; distinct people get distinct
     * names (the person number is spelled out as a suffix once the word pairs run out).
     */
    static String userName(long person, Handles style) {
        int pairs = ADJECTIVES.size() * NOUNS.size();
        String adjective = ADJECTIVES.get((int) Math.floorMod(person, (long) ADJECTIVES.size()));
        String noun = NOUNS.get((int) Math.floorMod(person / ADJECTIVES.size(), (long) NOUNS.size()));
        long round = Math.floorDiv(person, (long) pairs);
        String number = round == 0 ? "" : Long.toString(round * 7 + 3);
        return switch (style) {
            case CAPITALISED -> capitalise(adjective) + capitalise(noun) + number;
            case UNDERSCORED -> capitalise(adjective) + "_" + capitalise(noun) + (number.isEmpty() ? "" : "_" + number);
            case DOTTED -> adjective + "." + noun + (number.isEmpty() ? "" : "_" + number);
            case LOWER -> adjective + noun + number;
        };
    }

    private static String capitalise(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
}
