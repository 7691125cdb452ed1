package org.openiru.text.corpus;

import java.util.List;
import java.util.Map;
import org.openiru.text.analysis.Language;
import org.openiru.text.classify.Label;

/**
 * Template families of the hard held-out split ({@code synthetic-heldout-hard.jsonl}), none of them used
 * for training: news that quotes the group's own phrases (the quote is the propaganda signal, the news
 * marker may be a sentence away), counter-speech in the group's own vocabulary, and propaganda written in
 * news style ("a source told Amaq"). Same rules as {@link Templates}: signals around neutral filler,
 * nothing glorifying, instructive or threatening; slots from the held-out pools of {@link Slots}.
 */
final class HardTemplates {

    private HardTemplates() {
    }

    static List<Label> labels() {
        return List.of(Label.PROPAGANDA, Label.JOURNALISM, Label.COUNTER_SPEECH);
    }

    static List<String> of(Language lang, Label label) {
        return (lang == Language.AR ? ARABIC : ENGLISH).get(label);
    }

    private static final Map<Label, List<String>> ENGLISH = Map.of(
            Label.JOURNALISM, List.of(
                    "A channel calling itself {outlet} posted a statement headed \"{attrib}\" on {day}. {newsfill} "
                            + "Researchers counted {n} copies within an hour, {agency} reported.",
                    "\"{selfdes}\", the phrase used in the posts, appeared on {n} accounts before they were removed. {newsfill}",
                    "The post ended with \"{honorific}\" and the logo of {outlet}. {official} said it was being examined.",
                    "{city} — A video branded {outlet} and addressed to the \"{selfdes}\" circulated on {day}. {newsfill}",
                    "Court documents quote the defendant writing \"{attrib}\" and \"{selfdes}\" in messages to {n} contacts. "
                            + "The trial continues in {city}.",
                    "Screenshots seen by {agency} show the words \"{outlet} | {attrib}\" above a blurred image. {newsfill}"),
            Label.COUNTER_SPEECH, List.of(
                    "They call themselves \"{selfdes}\". Soldiers of what? Of lies. {counterfill}",
                    "Every \"{attrib}\" from {outlet} is a sales pitch. Ask who profits. {counterfill}",
                    "\"{honorific}\", they write under every death they caused. We remember the victims instead. {counterfill}",
                    "My cousin believed the {selfdes} story. He came back broken. {counterfill}",
                    "The {outlet} logo is a brand, nothing more. Don't share it, report it. {counterfill}",
                    "No caliphate, no {selfdes}: only people misled by {outlet}. {counterfill}"),
            Label.PROPAGANDA, List.of(
                    "{outlet}: a source told {outlet} that the {selfdes} {filler}",
                    "{city} ({outlet}) — {attrib}: {filler} {honorific}",
                    "According to {outlet}, the {selfdes} {filler}",
                    "Breaking from {outlet}: {filler} ({selfdes})"));

    private static final Map<Label, List<String>> ARABIC = Map.of(
            Label.JOURNALISM, List.of(
                    "نشرت قناة تطلق على نفسها اسم {outlet} بياناً بعنوان «{attrib}» يوم {day}. {newsfill} "
                            + "وقال باحثون إنهم رصدوا {n} نسخة خلال ساعة، بحسب {agency}.",
                    "عبارة «{selfdes}» التي وردت في المنشورات ظهرت على {n} حساباً قبل حذفها. {newsfill}",
                    "انتهى المنشور بعبارة «{honorific}» وشعار {outlet}. وقالت {official} إنه قيد الفحص.",
                    "{city} - انتشر يوم {day} مقطع يحمل شعار {outlet} وموجه إلى «{selfdes}». {newsfill}",
                    "تنقل وثائق المحكمة عن المتهم كتابته «{attrib}» و«{selfdes}» في رسائل إلى {n} من معارفه. "
                            + "وتستمر المحاكمة في {city}.",
                    "تظهر صور اطلعت عليها {agency} عبارة «{outlet} | {attrib}» فوق صورة مموهة. {newsfill}"),
            Label.COUNTER_SPEECH, List.of(
                    "يسمّون أنفسهم «{selfdes}». جنود ماذا؟ جنود الكذب. {counterfill}",
                    "كل «{attrib}» من {outlet} دعاية مدفوعة. اسأل من المستفيد. {counterfill}",
                    "يكتبون «{honorific}» تحت كل موت تسببوا فيه. أما نحن فنتذكر الضحايا. {counterfill}",
                    "صدّق ابن عمي قصة {selfdes}. وعاد محطماً. {counterfill}",
                    "شعار {outlet} مجرد علامة تجارية. لا تشاركه، بل أبلغ عنه. {counterfill}",
                    "لا خلافة ولا {selfdes}: فقط أناس ضللتهم {outlet}. {counterfill}"),
            Label.PROPAGANDA, List.of(
                    "{outlet}: أفاد مصدر لـ{outlet} بأن {selfdes} {filler}",
                    "{city} ({outlet}) - {attrib}: {filler} {honorific}",
                    "بحسب {outlet}، فإن {selfdes} {filler}",
                    "عاجل من {outlet}: {filler} ({selfdes})"));
}
