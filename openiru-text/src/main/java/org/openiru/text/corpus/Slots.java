package org.openiru.text.corpus;

import java.util.List;
import java.util.Map;
import org.openiru.text.analysis.Language;

/**
 * Slot fillers. Names (outlets, self-designations, exonyms) are shared by both splits, because the
 * lexicon knows them anyway; the free text around them (fillers, cities, chatter, news and counter-speech
 * sentences) comes from disjoint pools per split so that the held-out texts are not memorised.
 */
final class Slots {

    private Slots() {
    }

    static List<String> of(Language lang, boolean heldOut, String slot) {
        Map<String, List<String>> shared = lang == Language.AR ? ARABIC : ENGLISH;
        Map<String, List<String>> split = lang == Language.AR
                ? (heldOut ? ARABIC_HELD_OUT : ARABIC_TRAIN)
                : (heldOut ? ENGLISH_HELD_OUT : ENGLISH_TRAIN);
        List<String> values = split.containsKey(slot) ? split.get(slot) : shared.get(slot);
        if (values == null) {
            throw new IllegalArgumentException("no slot " + slot);
        }
        return values;
    }

    private static final Map<String, List<String>> ENGLISH = Map.ofEntries(
            Map.entry("outlet", List.of("Amaq Agency", "Amaq News Agency", "Al-Hayat Media Center", "Al-Furqan",
                    "Al-Naba", "Nashir News", "Rumiyah", "As-Sahab", "Al-Malahem", "Al-Kataib", "Bayan Radio")),
            Map.entry("outlet2", List.of("Al-Naba", "Rumiyah", "Al-Ajnad", "Itisam Media")),
            Map.entry("selfdes", List.of("soldiers of the caliphate", "lions of the caliphate", "caliphate soldiers",
                    "mujahideen of the Islamic State")),
            Map.entry("attrib", List.of("new release", "exclusive release", "official statement of", "media office of")),
            Map.entry("honorific", List.of("may Allah accept him", "hafizahullah", "commander of the faithful")),
            Map.entry("tag", List.of("Amaq", "Nashir", "AlNaba", "Furqan")),
            Map.entry("tag2", List.of("caliphate_soldiers", "new_release", "Rumiyah")),
            Map.entry("exonym", List.of("Daesh", "the so-called Islamic State", "the terrorist group ISIS",
                    "the self-proclaimed caliphate", "the extremist group", "so-called IS", "the Daesh terrorist organisation")),
            Map.entry("agency", List.of("Reuters", "AFP", "the Associated Press")),
            Map.entry("official", List.of("Europol", "a police spokesperson", "the interior ministry", "prosecutors",
                    "a Europol spokesperson", "officials")),
            Map.entry("day", List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")),
            Map.entry("n", List.of("3", "12", "40", "150", "2,300", "7")),
            Map.entry("year", List.of("2015", "2017", "2019")),
            Map.entry("year2", List.of("2020", "2022", "2023")),
            Map.entry("pct", List.of("81", "87", "92")),
            Map.entry("time", List.of("4:51", "12:30", "15:45", "19:00", "20:30")));

    private static final Map<String, List<String>> ENGLISH_TRAIN = Map.of(
            "filler", List.of("[synthetic filler]", "The weather was mild and the market opened on time.",
                    "[synthetic filler] Schedules were posted for the week.", "Clouds cleared by the afternoon.",
                    "[synthetic filler] A routine notice with no content.", "The road was repaired last month."),
            "city", List.of("Brussels", "The Hague", "Madrid", "Vienna", "Mosul"),
            "newsfill", List.of("The investigation continues.", "No arrests were reported.",
                    "The operation involved several countries.", "Further details were not released."),
            "counterfill", List.of("Talk to someone you trust.", "Our community stands together.",
                    "Help is available for families."),
            "chat", List.of("See you soon!", "Thanks everyone.", "Have a nice day.", "lol", "Call me later."));

    private static final Map<String, List<String>> ENGLISH_HELD_OUT = Map.of(
            "filler", List.of("[synthetic placeholder text]", "Rain is expected over the coast tomorrow.",
                    "[synthetic filler] The bakery changed its opening hours.", "Temperatures will drop at night."),
            "city", List.of("Lyon", "Rotterdam", "Raqqa", "Mogadishu"),
            "newsfill", List.of("Authorities gave no further comment.", "Two suspects remain in custody.",
                    "The platform said it acted within an hour."),
            "counterfill", List.of("Families can call a support line.", "Choose life and your neighbours."),
            "chat", List.of("Miss you all.", "Good night!", "Who's in?"));

    private static final Map<String, List<String>> ARABIC = Map.ofEntries(
            Map.entry("outlet", List.of("وكالة أعماق", "أعماق", "مؤسسة الفرقان", "مركز الحياة للإعلام", "صحيفة النبأ",
                    "إذاعة البيان", "مؤسسة السحاب", "مؤسسة الملاحم", "وكالة ناشر", "مؤسسة الكتائب", "مؤسسة الاعتصام")),
            Map.entry("outlet2", List.of("صحيفة النبأ", "مجلة رومية", "مؤسسة أجناد", "إذاعة البيان")),
            Map.entry("selfdes", List.of("جنود الخلافة", "أسود الخلافة", "جنود الدولة الإسلامية", "مجاهدي الدولة الإسلامية")),
            Map.entry("attrib", List.of("إصدار جديد", "حصري", "بيان رسمي صادر عن", "المكتب الإعلامي لولاية")),
            Map.entry("honorific", List.of("تقبله الله", "حفظه الله", "نحسبه والله حسيبه", "أمير المؤمنين")),
            Map.entry("tag", List.of("أعماق", "ناشر", "النبأ", "الفرقان")),
            Map.entry("tag2", List.of("جنود_الخلافة", "إصدار_جديد", "رومية")),
            Map.entry("exonym", List.of("داعش", "تنظيم داعش", "ما يسمى بالدولة الإسلامية", "التنظيم الإرهابي",
                    "الخلافة المزعومة", "الجماعة الإرهابية", "تنظيم الدولة المزعومة")),
            Map.entry("agency", List.of("رويترز", "فرانس برس", "وكالة الأنباء الألمانية")),
            Map.entry("official", List.of("يوروبول", "وزارة الداخلية", "الشرطة", "النيابة العامة", "مصادر أمنية")),
            Map.entry("day", List.of("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة")),
            Map.entry("n", List.of("3", "12", "40", "150", "٢٣٠٠", "٧")),
            Map.entry("year", List.of("2015", "2017", "٢٠١٩")),
            Map.entry("year2", List.of("2020", "2022", "٢٠٢٣")),
            Map.entry("pct", List.of("81", "87", "٩٢")),
            Map.entry("time", List.of("4:51", "12:30", "3:45", "٧:٠٠")));

    private static final Map<String, List<String>> ARABIC_TRAIN = Map.of(
            "filler", List.of("[نص اصطناعي]", "كان الطقس معتدلاً وفتح السوق في موعده.", "[نص اصطناعي] نُشر جدول الأسبوع.",
                    "انقشعت الغيوم بعد الظهر.", "[نص اصطناعي] إشعار روتيني بلا مضمون.", "أُصلح الطريق الشهر الماضي."),
            "city", List.of("بروكسل", "لاهاي", "مدريد", "فيينا", "الموصل"),
            "newsfill", List.of("ولا يزال التحقيق مستمراً.", "ولم تُسجل أي اعتقالات.", "وشاركت في العملية عدة دول.",
                    "ولم تُنشر تفاصيل إضافية."),
            "counterfill", List.of("تحدث إلى شخص تثق به.", "مجتمعنا يقف صفاً واحداً.", "المساعدة متاحة للعائلات."),
            "chat", List.of("نراكم قريباً!", "شكراً للجميع.", "يومكم سعيد.", "ههههه", "اتصل بي لاحقاً."));

    private static final Map<String, List<String>> ARABIC_HELD_OUT = Map.of(
            "filler", List.of("[نص بديل اصطناعي]", "يُتوقع هطول أمطار على الساحل غداً.",
                    "[نص اصطناعي] غيّر المخبز مواعيد فتحه.", "ستنخفض درجات الحرارة ليلاً."),
            "city", List.of("ليون", "روتردام", "الرقة", "مقديشو"),
            "newsfill", List.of("ولم تعلق السلطات على الأمر.", "ولا يزال مشتبهان قيد الاحتجاز.",
                    "وقالت المنصة إنها تحركت خلال ساعة."),
            "counterfill", List.of("يمكن للعائلات الاتصال بخط الدعم.", "اختر الحياة وجيرانك."),
            "chat", List.of("اشتقت لكم.", "تصبحون على خير!", "من معنا؟"));
}
