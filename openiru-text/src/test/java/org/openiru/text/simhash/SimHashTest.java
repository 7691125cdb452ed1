package org.openiru.text.simhash;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimHashTest {

    private static final String BASE = "Europol said on Friday that a joint referral action day had removed "
            + "several thousand links to material of the so-called Islamic State from a dozen platforms, and that "
            + "the operation would continue next month with more countries taking part in it.";
    private static final String BASE_AR = "قالت يوروبول يوم الجمعة إن يوم عمل مشترك أزال آلاف الروابط إلى مواد ما يسمى "
            + "بالدولة الإسلامية من عشرات المنصات، وإن العملية ستستمر الشهر المقبل بمشاركة دول أكثر فيها.";

    @Test
    void noiseDoesNotChangeTheHash() {
        String noisy = BASE.toUpperCase().replace(" ", " \u200B").replace("said", "saaaaid");
        assertThat(SimHash.distance(SimHash.of(BASE), SimHash.of(noisy))).isZero();
        String noisyAr = BASE_AR.replace("الروابط", "الرَّوَابِط").replace("المنصات", "المنـــصات").replace(" ", " \u200F");
        assertThat(SimHash.distance(SimHash.of(BASE_AR), SimHash.of(noisyAr))).isZero();
    }

    @Test
    void smallEditsStayWithinTheThreshold() {
        String edited = BASE.replace("next month", "next week");
        assertThat(SimHash.nearDuplicate(SimHash.of(BASE), SimHash.of(edited), 40)).isTrue();
        String twoEdits = edited.replace("a dozen", "twelve");
        assertThat(SimHash.distance(SimHash.of(BASE), SimHash.of(twoEdits))).isLessThan(16);
        String appended = BASE + " Source: press office.";
        assertThat(SimHash.nearDuplicate(SimHash.of(BASE), SimHash.of(appended), 40)).isTrue();
    }

    @Test
    void differentTextsAreFarApart() {
        String other = "The bakery on the corner changed its opening hours and now sells bread from seven in the "
                + "morning until late at night, which the neighbours welcomed at the weekend meeting of residents.";
        assertThat(SimHash.distance(SimHash.of(BASE), SimHash.of(other))).isGreaterThan(10);
        assertThat(SimHash.distance(SimHash.of(BASE), SimHash.of(BASE_AR))).isGreaterThan(10);
    }

    @Test
    void shortTextsMustBeEqual() {
        assertThat(SimHash.nearDuplicate(1L, 3L, 5)).isFalse();
        assertThat(SimHash.nearDuplicate(7L, 7L, 5)).isTrue();
    }
}
