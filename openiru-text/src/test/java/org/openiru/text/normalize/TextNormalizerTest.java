package org.openiru.text.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    /** Letters, marks, digits, look-alikes, invisibles, punctuation and spaces: what the rules act on. */
    private static final String ALPHABET = "ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآىةکیۀگ٠١٢٣۴۵"
            + "abcdeisoxyz01345789@$АаеорсхΙ.,_- \n\u064E\u064F\u0650\u0651\u0652\u0640\u0670"
            + "\u200B\u200C\u200D\u200E\u200F\u202E\u2066\uFEFFﻻﷺＡ";
    private static final String INVISIBLE = "\u200B\u200C\u200D\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\uFEFF\u00AD";

    @Test
    void foldsArabicForms() {
        assertThat(TextNormalizer.normalize("أحمد إبراهيم آمن ٱسم")).isEqualTo("احمد ابراهيم امن اسم");
        assertThat(TextNormalizer.normalize("على مدرسة")).isEqualTo("علي مدرسه");
        assertThat(TextNormalizer.normalize("کتاب یوم")).isEqualTo("كتاب يوم");
        assertThat(TextNormalizer.normalize("٢٠٢٤ ۱۲")).isEqualTo("2024 12");
        assertThat(TextNormalizer.normalize("الدَّوْلَةُ الإسْلامِيّة")).isEqualTo("الدوله الاسلاميه");
        assertThat(TextNormalizer.normalize("داااااعش")).isEqualTo("داعش");
        assertThat(TextNormalizer.normalize("ححححح الله")).isEqualTo("ح الله");
        assertThat(TextNormalizer.normalize("اعـــــماق")).isEqualTo("اعماق");
    }

    @Test
    void undoesLetterSpacingButNotOrdinaryWords() {
        assertThat(TextNormalizer.normalize("د ا ع ش")).isEqualTo("داعش");
        assertThat(TextNormalizer.normalize("i.s.i.s and d_a_e_s_h")).isEqualTo("isis and daesh");
        assertThat(TextNormalizer.normalize("I saw a cat in the U.S today")).isEqualTo("i saw a cat in the u.s today");
        assertThat(TextNormalizer.normalize("قال و ذهب")).isEqualTo("قال و ذهب");
    }

    @Test
    void foldsLatinDisguises() {
        assertThat(TextNormalizer.normalize("D43SH Soooo")).isEqualTo("daesh soo");
        assertThat(TextNormalizer.normalize("4m4q and d@esh")).isEqualTo("amaq and daesh");
        assertThat(TextNormalizer.normalize("3 people in 2024 had covid19")).isEqualTo("3 people in 2024 had covid19");
        assertThat(TextNormalizer.normalize("Аmаq")).isEqualTo("amaq"); // Cyrillic а
        assertThat(TextNormalizer.normalize("ＡＭＡＱ")).isEqualTo("amaq"); // fullwidth, by NFKC
    }

    @Test
    void isIdempotent() {
        Random random = new Random(1);
        for (int i = 0; i < 5_000; i++) {
            String s = randomText(random);
            String once = TextNormalizer.normalize(s);
            assertThat(TextNormalizer.normalize(once)).as("input %s", escape(s)).isEqualTo(once);
        }
    }

    @Test
    void invisiblePaddingChangesNothing() {
        Random random = new Random(2);
        for (int i = 0; i < 5_000; i++) {
            String clean = randomText(random).replaceAll("[" + INVISIBLE + "]", "");
            StringBuilder padded = new StringBuilder();
            for (char c : clean.toCharArray()) {
                while (random.nextInt(4) == 0) {
                    padded.append(INVISIBLE.charAt(random.nextInt(INVISIBLE.length())));
                }
                padded.append(c);
            }
            assertThat(TextNormalizer.normalize(padded.toString())).as("input %s", escape(clean))
                    .isEqualTo(TextNormalizer.normalize(clean));
        }
    }

    @Test
    void diacritisedAndPlainFormsAreEqual() {
        Random random = new Random(3);
        String letters = "ابتثجحخدذرسشصضطظعغفقكلمنهوي ";
        String marks = "\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u0670\u0640";
        for (int i = 0; i < 3_000; i++) {
            StringBuilder plain = new StringBuilder();
            StringBuilder marked = new StringBuilder();
            for (int k = random.nextInt(30); k > 0; k--) {
                char c = letters.charAt(random.nextInt(letters.length()));
                plain.append(c);
                marked.append(c);
                if (c != ' ' && random.nextBoolean()) {
                    marked.append(marks.charAt(random.nextInt(marks.length())));
                }
            }
            assertThat(TextNormalizer.normalize(marked.toString())).isEqualTo(TextNormalizer.normalize(plain.toString()));
        }
    }

    private static String randomText(Random random) {
        StringBuilder s = new StringBuilder();
        for (int k = random.nextInt(40); k > 0; k--) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        s.chars().forEach(c -> out.append(c < 128 && c >= 32 ? String.valueOf((char) c) : String.format("\\u%04X", c)));
        return out.toString();
    }
}
