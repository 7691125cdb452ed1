package org.openiru.text.corpus;

import java.util.List;
import java.util.Map;
import org.openiru.text.analysis.Language;
import org.openiru.text.classify.Label;

/**
 * The template families of the synthetic corpus, per language and label. Every propaganda-marked
 * template carries only signals (outlet attribution, branding, self-designation, honorific labels) around
 * {@code {filler}}, which is neutral placeholder text: nothing here glorifies, instructs or threatens.
 * Slots in braces are filled from {@link Slots}; a family's index decides its split (see
 * {@link CorpusGenerator}).
 */
final class Templates {

    private Templates() {
    }

    static List<String> of(Language lang, Label label) {
        return (lang == Language.AR ? ARABIC : ENGLISH).get(label);
    }

    private static final Map<Label, List<String>> ENGLISH = Map.of(
            Label.PROPAGANDA, List.of(
                    "{outlet} | {attrib}: {selfdes}. {filler}",
                    "{attrib} from {outlet} — {filler} #{tag}",
                    "{filler} Source: {outlet}. {selfdes}",
                    "The {selfdes} {filler} ({outlet})",
                    "[{outlet}] {honorific}. {filler}",
                    "{selfdes} — {filler} — {outlet} {attrib}",
                    "{outlet} presents: {attrib}. {filler} {honorific}",
                    "{filler} {filler} — {selfdes}, {outlet}",
                    "#{tag} #{tag2} {outlet}: {filler}",
                    "From the {selfdes}: {filler} Share via {outlet}.",
                    "{outlet} news flash. {filler} {honorific}, {selfdes}",
                    "{attrib} ({outlet}) {filler} {filler}"),
            Label.JOURNALISM, List.of(
                    "{official} said on {day} that {n} accounts linked to {exonym} had been taken down in a joint operation in {city}. {newsfill}",
                    "According to {agency}, {exonym} claimed the attack through its {outlet} outlet, but officials could not verify the claim.",
                    "{city} ({agency}) — Prosecutors charged {n} people with sharing material from {outlet}, the propaganda arm of {exonym}.",
                    "Europol said on {day} that a referral action day targeted {outlet} and other {exonym} media. {newsfill}",
                    "{official} told reporters that {exonym} had lost most of its territory. {newsfill}",
                    "In a statement, the interior ministry said the suspects shared videos from {outlet}. {newsfill}",
                    "{exonym} propaganda network disrupted in {city}, {official} said.",
                    "{agency} reported on {day} that {n} servers used by {exonym} were seized. {newsfill}",
                    "Police said a man was arrested in {city} for posting {outlet} content, {agency} reported.",
                    "The trial of {n} suspects accused of running channels for {exonym} opened in {city} on {day}, officials said.",
                    "{city}: {official} said the operation removed thousands of links to {exonym} material, according to {agency}.",
                    "Officials quoted by {agency} said {exonym} media output had fallen sharply since {year}."),
            Label.COUNTER_SPEECH, List.of(
                    "{exonym} does not represent Islam. Do not be fooled by {outlet} videos. {counterfill}",
                    "Their lies spread through {outlet}, but the victims of {exonym} tell another story. {counterfill}",
                    "We reject extremism in every form. {counterfill}",
                    "Do not be fooled: {exonym} recruiters promise belonging and deliver death. {counterfill}",
                    "The lies of {exonym} fall apart when you listen to its victims. {counterfill}",
                    "Islam is mercy; {exonym} does not represent Islam. {counterfill}",
                    "If a friend starts sharing {outlet} posts, talk to them. {counterfill}",
                    "Former members describe the lies of {exonym} in our exit programme. {counterfill}"),
            Label.RESEARCH, List.of(
                    "This paper analyses {n} releases attributed to {outlet} between {year} and {year2}, using a mixed-methods methodology.",
                    "Scholars have studied how {exonym} branded its media, including {outlet}; our findings suggest a decline after {year}.",
                    "We analyse a corpus of {n} posts in which self-designation terms such as \"{selfdes}\" appear.",
                    "This study compares the output of {outlet} and {outlet2} using a dataset of {n} items.",
                    "The literature on {exonym} propaganda (e.g. Smith et al., {year}) focuses on video; researchers have neglected radio.",
                    "Case study: the branding of {outlet}. Methodology: qualitative content analysis of {n} documents.",
                    "Our findings show that {exonym} media production decentralised after {year}, as researchers have argued.",
                    "Researchers coded {n} items from {outlet} for this study; inter-coder agreement was {pct}%."),
            Label.UNRELATED, List.of(
                    "Ramadan Mubarak to all our friends and family! {chat}",
                    "Prayer times for {city} today: Fajr {time}, Dhuhr {time}, Asr {time}.",
                    "Does anyone know a good place to fix a bike in {city}? {chat}",
                    "Match tonight at {time}, who is coming? {chat}",
                    "Jumu'ah Mubarak, may Allah accept our prayers. {chat}",
                    "Our neighbour passed away last night, may Allah accept him and grant the family patience.",
                    "Selling a used phone in {city}, good condition, message me. {chat}",
                    "Eid Mubarak! {chat}",
                    "The history exam covers the Islamic state of the Abbasid era and the caliphate of Cordoba. {chat}",
                    "Traffic is terrible in {city} today, avoid the ring road. {chat}",
                    "New recipe for lentil soup, ready in {n} minutes. {chat}",
                    "Congratulations to my cousin on her graduation! {chat}"));

    private static final Map<Label, List<String>> ARABIC = Map.of(
            Label.PROPAGANDA, List.of(
                    "{outlet} | {attrib}: {selfdes}. {filler}",
                    "{attrib} من {outlet} — {filler} #{tag}",
                    "{filler} المصدر: {outlet}. {selfdes}",
                    "{selfdes} {filler} ({outlet})",
                    "[{outlet}] {honorific}. {filler}",
                    "{selfdes} — {filler} — {outlet} {attrib}",
                    "{outlet} تقدم: {attrib}. {filler} {honorific}",
                    "{filler} {filler} — {selfdes}، {outlet}",
                    "#{tag} #{tag2} {outlet}: {filler}",
                    "من {selfdes}: {filler} انشروا عبر {outlet}.",
                    "{outlet} عاجل. {filler} {honorific}، {selfdes}",
                    "{attrib} ({outlet}) {filler} {filler}"),
            Label.JOURNALISM, List.of(
                    "أعلنت {official} يوم {day} إغلاق {n} حساباً مرتبطاً بـ{exonym} في عملية مشتركة في {city}. {newsfill}",
                    "وبحسب {agency}، تبنى {exonym} الهجوم عبر {outlet}، لكن مسؤولين لم يتمكنوا من التحقق من ذلك.",
                    "قالت {official} إن المتهمين نشروا مواد صادرة عن {outlet} التابعة لـ{exonym}. {newsfill}",
                    "أفادت {agency} بأن حملة أوروبية استهدفت منصات {outlet} و{outlet2} الدعائية لـ{exonym}.",
                    "{city} - {agency}: ذكرت مصادر أمنية أن {exonym} فقد معظم الأراضي التي كان يسيطر عليها.",
                    "تفكيك شبكة دعائية لـ{exonym} في {city}، بحسب {official}.",
                    "صرح المتحدث باسم {official} بأن {n} خادماً يستخدمها {exonym} صودرت يوم {day}. {newsfill}",
                    "ذكرت {agency} أن الشرطة اعتقلت رجلاً في {city} بتهمة نشر محتوى {outlet}.",
                    "بدأت في {city} يوم {day} محاكمة {n} متهمين بإدارة قنوات لـ{exonym}، وفقا لـ{agency}.",
                    "قالت {official} إن العملية أزالت آلاف الروابط إلى مواد {exonym}. {newsfill}",
                    "أفاد مسؤولون لـ{agency} بأن الإنتاج الإعلامي لـ{exonym} تراجع منذ عام {year}.",
                    "{city} ({agency}) - أعلنت النيابة العامة توجيه تهم إلى {n} أشخاص بتداول إصدارات {outlet}."),
            Label.COUNTER_SPEECH, List.of(
                    "{exonym} لا يمثل الإسلام، ولا تنخدعوا بإصدارات {outlet}. {counterfill}",
                    "أكاذيب {outlet} لن تمحو معاناة ضحايا {exonym}. {counterfill}",
                    "نرفض التطرف بكل أشكاله. {counterfill}",
                    "لا تنخدعوا بوعود {exonym}، فالإسلام بريء من أفعالهم. {counterfill}",
                    "استمعوا إلى ضحايا {exonym} لتعرفوا حقيقة أكاذيبهم. {counterfill}",
                    "الإسلام رحمة، و{exonym} لا يمثل الإسلام. {counterfill}",
                    "إذا رأيت صديقاً ينشر منشورات {outlet} فتحدث معه. {counterfill}",
                    "يروي أعضاء سابقون أكاذيب {exonym} في برنامج الخروج من التطرف. {counterfill}"),
            Label.RESEARCH, List.of(
                    "تتناول هذه الدراسة {n} إصداراً منسوباً إلى {outlet} بين عامي {year} و{year2} وفق منهجية تحليل المحتوى.",
                    "يرى الباحثون أن {exonym} اعتمد على علامات إعلامية مثل {outlet}، وتشير نتائج دراسة حديثة إلى تراجعها بعد {year}.",
                    "نحلل في هذه الدراسة عينة من {n} منشوراً ترد فيها تسميات ذاتية مثل «{selfdes}».",
                    "تقارن هذه الدراسة بين إنتاج {outlet} و{outlet2} اعتماداً على عينة من {n} مادة.",
                    "تركز الأدبيات حول دعاية {exonym} على الفيديو، وأهمل الباحثون الإذاعة.",
                    "دراسة حالة: العلامة الإعلامية لـ{outlet}. المنهجية: تحليل نوعي لعينة من {n} وثيقة.",
                    "تبين الدراسة أن الإنتاج الإعلامي لـ{exonym} أصبح لامركزياً بعد {year}، كما يرى الباحث.",
                    "رمّز الباحثون {n} مادة من {outlet} لهذه الدراسة، وبلغت نسبة الاتفاق {pct}٪."),
            Label.UNRELATED, List.of(
                    "رمضان كريم وكل عام وأنتم بخير. {chat}",
                    "مواقيت الصلاة في {city} اليوم: الفجر {time} والظهر {time} والعصر {time}.",
                    "من يعرف محلاً لتصليح الدراجات في {city}؟ {chat}",
                    "المباراة الليلة الساعة {time}، من سيحضر؟ {chat}",
                    "جمعة مباركة، تقبل الله منا ومنكم. {chat}",
                    "توفي جارنا أمس، تقبله الله وألهم أهله الصبر والسلوان.",
                    "للبيع هاتف مستعمل في {city} بحالة جيدة. {chat}",
                    "عيد مبارك وكل عام وأنتم بخير! {chat}",
                    "يشمل امتحان التاريخ الدولة الإسلامية في العصر العباسي وخلافة قرطبة. {chat}",
                    "الزحمة شديدة في {city} اليوم، تجنبوا الطريق الدائري. {chat}",
                    "طريقة جديدة لشوربة العدس، جاهزة في {n} دقيقة. {chat}",
                    "مبروك لابنة عمي على التخرج! {chat}"));
}
