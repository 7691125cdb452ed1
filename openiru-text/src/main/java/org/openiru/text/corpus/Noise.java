package org.openiru.text.corpus;

import java.util.Random;
import org.openiru.text.analysis.Language;

/**
 * The disguises seen in the wild, applied to some synthetic items so that the model and the tests meet
 * them: diacritics, tatweel, invisible characters, letter spacing, elongation, leetspeak, Cyrillic
 * look-alikes and typos.
 */
final class Noise {

    private static final char[] HARAKAT = {'\u064E', '\u064F', '\u0650', '\u0651', '\u0652', '\u064B'};
    private static final char[] INVISIBLE = {'\u200B', '\u200C', '\u200D', '\u200F', '\u2066', '\uFEFF'};

    private Noise() {
    }

    static String apply(String text, Language lang, Random random) {
        int kind = random.nextInt(lang == Language.AR ? 6 : 7);
        return switch (kind) {
            case 0 -> sprinkle(text, random, INVISIBLE, 0.08);
            case 1 -> spaceOneWord(text, random);
            case 2 -> typo(text, random);
            case 3 -> elongate(text, random);
            case 4 -> lang == Language.AR ? sprinkle(text, random, HARAKAT, 0.3) : leet(text, random);
            case 5 -> lang == Language.AR ? tatweel(text, random) : lookalikes(text, random);
            default -> text.toUpperCase(java.util.Locale.ROOT);
        };
    }

    private static String sprinkle(String text, Random random, char[] marks, double p) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c);
            if (Character.isLetter(c) && random.nextDouble() < p) {
                out.append(marks[random.nextInt(marks.length)]);
            }
        }
        return out.toString();
    }

    private static String tatweel(String text, Random random) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c);
            boolean joinsNext = i + 1 < text.length() && Character.isLetter(text.charAt(i + 1));
            if (c >= '\u0628' && c <= '\u064A' && joinsNext && random.nextDouble() < 0.15) {
                out.append("ـــ");
            }
        }
        return out.toString();
    }

    private static String spaceOneWord(String text, Random random) {
        String[] words = text.split(" ");
        int i = random.nextInt(words.length);
        if (words[i].length() >= 3 && words[i].chars().allMatch(Character::isLetter)) {
            words[i] = String.join(random.nextBoolean() ? " " : ".", words[i].split(""));
        }
        return String.join(" ", words);
    }

    private static String typo(String text, Random random) {
        char[] a = text.toCharArray();
        int i = 1 + random.nextInt(Math.max(1, a.length - 2));
        if (i + 1 < a.length && Character.isLetter(a[i]) && Character.isLetter(a[i + 1])) {
            char t = a[i];
            a[i] = a[i + 1];
            a[i + 1] = t;
        }
        return new String(a);
    }

    private static String elongate(String text, Random random) {
        int i = random.nextInt(text.length());
        if (!Character.isLetter(text.charAt(i))) {
            return text;
        }
        return text.substring(0, i + 1) + String.valueOf(text.charAt(i)).repeat(3 + random.nextInt(4)) + text.substring(i + 1);
    }

    private static String leet(String text, Random random) {
        return text.replace("a", random.nextBoolean() ? "4" : "a").replace("e", "3").replace("o", "0");
    }

    private static String lookalikes(String text, Random random) {
        return random.nextBoolean() ? text.replace('a', 'а').replace('o', 'о') : text.replace('e', 'е').replace('c', 'с');
    }
}
