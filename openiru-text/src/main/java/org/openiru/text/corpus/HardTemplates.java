package org.openiru.text.corpus;

import java.util.List;
import java.util.Map;
import org.openiru.text.analysis.Language;
import org.openiru.text.classify.Label;

/**
 * Template families of the hard kinds of text: news that quotes the group's own phrases (the quote is the
 * propaganda signal, the news marker may be a sentence away), counter-speech in the group's own vocabulary,
 * and propaganda written in news style ("a source told Amaq"). Same rules as {@link Templates}: signals
 * around neutral filler, nothing glorifying, instructive or threatening.
 *
 * <p>Two disjoint sets: the held-out families ({@code synthetic-heldout-hard.jsonl}, slots from the held-out
 * pools of {@link Slots}), never used for training; and the training families, written later and in other
 * words (no sentence of a held-out family reused), whose items are added to {@code synthetic-train.jsonl}
 * with the training slot pools.
 */
final class HardTemplates {

    private HardTemplates() {
    }

    static List<Label> labels() {
        return List.of(Label.PROPAGANDA, Label.JOURNALISM, Label.COUNTER_SPEECH);
    }

    static List<String> of(Language lang, Label label, boolean heldOut) {
        if (heldOut) {
            return (lang == Language.AR ? ARABIC : ENGLISH).get(label);
        }
        return (lang == Language.AR ? ARABIC_TRAIN : ENGLISH_TRAIN).get(label);
    }

    private static final Map<Label, List<String>> ENGLISH_TRAIN = Map.of(
            Label.JOURNALISM, List.of(
                    "Posts signed \"{outlet}\" and calling fighters \"{selfdes}\" were shared in {city} this week. {newsfill}",
                    "The message, which opened with the words \"{attrib}\", was traced to {n} accounts. {newsfill}",
                    "Investigators believe the channel used the label \"{outlet}\" to look official. {newsfill}",
                    "A banner reading \"{selfdes}\" was visible in the clip. It was taken down after {n} views.",
                    "Messages ending in \"{honorific}\" were filed as evidence in {city}. {newsfill}",
                    "The account copied the style of {outlet}, down to the heading \"{attrib}\". Moderators took it offline on {day}.",
                    "{city}: a judge read out the phrase \"{selfdes}\" from the chat logs. {newsfill}",
                    "An imitation of the {outlet} logo turned up on {n} file-sharing sites. {official} asked hosts to check uploads."),
            Label.COUNTER_SPEECH, List.of(
                    "\"{selfdes}\"? Just boys handed a flag and a lie. {counterfill}",
                    "When {outlet} says \"{attrib}\", remember the families left behind. {counterfill}",
                    "I used to repost {outlet}. Now I help others walk away from it. {counterfill}",
                    "They promise you the title \"{selfdes}\" and hand you a grave. {counterfill}",
                    "Don't let {outlet} tell you who you are. {counterfill}",
                    "\"{honorific}\" are the words they use to cover what they did to our towns. {counterfill}",
                    "Nobody wins by becoming one of the {selfdes}. Mothers lose sons. {counterfill}",
                    "Before you press share on {outlet}, think about who gets hurt. {counterfill}"),
            Label.PROPAGANDA, List.of(
                    "Reported by {outlet}: the {selfdes} {filler}",
                    "{outlet} reports that the {selfdes} {filler}",
                    "Statement carried by {outlet} — {attrib}. {filler}",
                    "Sources to {outlet}: {filler} {honorific}",
                    "{outlet} correspondent: the {selfdes} {filler}",
                    "Quoting {outlet}, the {selfdes} {filler} #{tag}",
                    "News bulletin of {outlet}. {filler} — {selfdes}",
                    "As {outlet} reported, {attrib}: {filler}"));

    private static final Map<Label, List<String>> ARABIC_TRAIN = Map.of(
            Label.JOURNALISM, List.of(
                    "انتشرت في {city} هذا الأسبوع منشورات موقعة باسم «{outlet}» تصف المقاتلين بـ«{selfdes}». {newsfill}",
                    "الرسالة التي بدأت بعبارة «{attrib}» تتبعها المحققون إلى {n} حسابات. {newsfill}",
                    "يعتقد المحققون أن القناة استخدمت اسم «{outlet}» لتبدو رسمية. {newsfill}",
                    "ظهرت في المقطع لافتة كتب عليها «{selfdes}»، وحُذف بعد {n} مشاهدة.",
                    "جُمعت رسائل تنتهي بعبارة «{honorific}» كأدلة في {city}. {newsfill}",
                    "قلّد الحساب أسلوب {outlet} حتى في عنوان «{attrib}»، وأغلقه المشرفون يوم {day}.",
                    "{city}: قرأ القاضي عبارة «{selfdes}» من سجلات المحادثة. {newsfill}",
                    "ظهرت نسخة مقلدة من شعار {outlet} على {n} موقعاً لتبادل الملفات. وطلبت {official} من المواقع فحص الملفات."),
            Label.COUNTER_SPEECH, List.of(
                    "«{selfdes}»؟ مجرد شبان أُعطوا راية وكذبة. {counterfill}",
                    "حين تقول {outlet} «{attrib}» تذكّر العائلات التي تُركت وحيدة. {counterfill}",
                    "كنت أعيد نشر {outlet}، واليوم أساعد غيري على الابتعاد عنها. {counterfill}",
                    "يعدونك بلقب «{selfdes}» ويعطونك قبراً. {counterfill}",
                    "لا تدع {outlet} تقرر من أنت. {counterfill}",
                    "«{honorific}» كلمات يغطون بها ما فعلوه بمدننا. {counterfill}",
                    "لا أحد يربح حين يصبح من {selfdes}. الأمهات يخسرن أبناءهن. {counterfill}",
                    "قبل أن تضغط مشاركة على منشور {outlet} فكّر فيمن سيتأذى. {counterfill}"),
            Label.PROPAGANDA, List.of(
                    "نقلاً عن {outlet}: {selfdes} {filler}",
                    "{outlet} تفيد بأن {selfdes} {filler}",
                    "بيان نقلته {outlet} - {attrib}. {filler}",
                    "مصادر لـ{outlet}: {filler} {honorific}",
                    "مراسل {outlet}: {selfdes} {filler}",
                    "وفق ما نشرته {outlet}، {selfdes} {filler} #{tag}",
                    "نشرة أخبار {outlet}. {filler} - {selfdes}",
                    "كما أفادت {outlet}، {attrib}: {filler}"));

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
