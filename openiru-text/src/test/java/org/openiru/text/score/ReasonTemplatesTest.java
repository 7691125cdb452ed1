package org.openiru.text.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class ReasonTemplatesTest {

    @Test
    void everyReasonCodeHasAnEnglishAndAnArabicSentence() {
        for (String lang : new String[] {"en", "ar"}) {
            ResourceBundle bundle = ResourceBundle.getBundle("i18n.reasons", Locale.forLanguageTag(lang));
            for (ReasonCode code : ReasonCode.values()) {
                assertThat(bundle.containsKey(code.messageKey())).as(lang + " " + code).isTrue();
                String sentence = new MessageFormat(bundle.getString(code.messageKey()), Locale.forLanguageTag(lang))
                        .format(new Object[] {"a", "b", "c", "d"});
                assertThat(sentence).isNotBlank().doesNotContain("{0}");
            }
        }
    }
}
