import { FAMILY, MALE, type Name } from "../../server/demo/persons.demo.ts";
import type { Rand } from "../lib/random.ts";

/**
 * Family names of the generated registry. The demo's 40 names alone gave every family name
 * 125,000 bearers at national scale (every "first last" pair ~2,000), far from a real registry,
 * where the commonest family name is about 1 % and the long tail is long. So: the demo names,
 * then ~130 more Moroccan family names and composed ones (Ben…, Aït…), drawn with a Zipf-like
 * law (weight 1 / (rank + 20)): the commonest ≈ 1.6 %, the median ≈ 0.3 %.
 */
const MORE: readonly Name[] = [
  [["Benchekroun", "Benchakroun"], "بنشقرون"],
  [["Lazrak", "Lazraq"], "لزرق"],
  [["Guessous"], "كسوس"],
  [["Skalli", "Sqalli"], "الصقلي"],
  [["Tahiri", "El Tahiri"], "الطاهري"],
  [["Hassani", "El Hassani"], "الحسني"],
  [["Saidi", "Essaidi"], "السعيدي"],
  [["Bouazza"], "بوعزة"],
  [["Laaroussi", "Larroussi"], "العروسي"],
  [["Mernissi"], "المرنيسي"],
  [["Benmoussa"], "بنموسى"],
  [["Belkadi", "Belqadi"], "بلقاضي"],
  [["Lamrani"], "لمراني"],
  [["Kadiri", "Qadiri", "El Kadiri"], "القادري"],
  [["Khalfi"], "الخلفي"],
  [["Benslimane"], "بنسليمان"],
  [["Ghazi"], "الغازي"],
  [["Bouchta"], "بوشتى"],
  [["Jaouhari", "Jouhari"], "الجوهري"],
  [["Rifai", "Rifaï"], "الرفاعي"],
  [["Harrak"], "الحراق"],
  [["Lahrichi"], "لحريشي"],
  [["Mekouar", "Mekwar"], "المكوار"],
  [["Tounsi"], "التونسي"],
  [["Zaki"], "زكي"],
  [["Chami"], "الشامي"],
  [["Bensaid", "Ben Said"], "بنسعيد"],
  [["Daoudi", "Daoudy"], "الداودي"],
  [["Naji", "Ennaji"], "الناجي"],
  [["Fikri"], "فكري"],
  [["Ghali"], "غالي"],
  [["Hamdaoui"], "الحمداوي"],
  [["Jamai", "Jamaï"], "الجامعي"],
  [["Karimi"], "الكريمي"],
  [["Maghari", "Lamghari"], "المغاري"],
  [["Mouline"], "مولين"],
  [["Najjar", "Nejjar"], "النجار"],
  [["Rami"], "رامي"],
  [["Sabri"], "صبري"],
  [["Talbi", "Taleby"], "الطالبي"],
  [["Yacoubi", "Yaakoubi"], "اليعقوبي"],
  [["Zouhair"], "زهير"],
  [["Abbadi"], "العبادي"],
  [["Bakri"], "البكري"],
  [["Chaoui"], "الشاوي"],
  [["Doukkali", "Doukali"], "الدكالي"],
  [["Fadili"], "الفاضلي"],
  [["Gharbi"], "الغربي"],
  [["Hilali"], "الهلالي"],
  [["Ismaili", "Smaili"], "الإسماعيلي"],
  [["Jirari"], "الجراري"],
  [["Kanouni", "Qanouni"], "القانوني"],
  [["Marrakchi"], "المراكشي"],
  [["Nouri"], "النوري"],
  [["Ouali", "Wali"], "الوالي"],
  [["Raji"], "الراجي"],
  [["Soussi"], "السوسي"],
  [["Touzani"], "التوزاني"],
  [["Wahidi", "Ouahidi"], "الواحدي"],
  [["Yousfi", "Youssfi"], "اليوسفي"],
  [["Zemmouri"], "الزموري"],
  [["Achour"], "عاشور"],
  [["Belghiti"], "بلغيتي"],
  [["Benabdellah", "Ben Abdellah"], "بنعبد الله"],
  [["Bouhaddou"], "بوحدو"],
  [["Chafik", "Chafiq"], "شفيق"],
  [["Dahbi"], "الذهبي"],
  [["Ghazali", "El Ghazali"], "الغزالي"],
  [["Farissi"], "الفارسي"],
  [["Guerrouj"], "الكروج"],
  [["Habibi"], "الحبيبي"],
  [["Jalal"], "جلال"],
  [["Khattabi", "Khatabi"], "الخطابي"],
  [["Mahdi", "El Mahdi"], "المهدي"],
  [["Othmani", "Otmani"], "العثماني"],
  [["Rachidi"], "الرشيدي"],
  [["Sahraoui"], "الصحراوي"],
  [["Tijani", "Tijany"], "التجاني"],
  [["Zahraoui"], "الزهراوي"],
  [["Amini"], "الأميني"],
  [["Bahri"], "البحري"],
  [["Chakir", "Chaker"], "شاكر"],
  [["Dahmani"], "الدحماني"],
  [["Fathi"], "فتحي"],
  [["Hakimi"], "الحكيمي"],
  [["Jebli", "Jabli"], "الجبلي"],
  [["Kassimi", "Qassimi"], "القاسمي"],
  [["Lakhdar"], "لخضر"],
  [["Madani"], "المدني"],
  [["Nasri"], "النصري"],
  [["Oufkir"], "أوفقير"],
  [["Regragui"], "الركراكي"],
  [["Semlali"], "السملالي"],
  [["Taoufik", "Toufik"], "توفيق"],
  [["Zniber"], "زنيبر"],
  [["Alami", "El Alami"], "العلمي"],
  [["Boussaid"], "بوسعيد"],
  [["Chentouf"], "شنتوف"],
  [["Debbagh", "Dabbagh"], "الدباغ"],
  [["Ftouh"], "فتوح"],
  [["Guennoun", "Gennoun"], "كنون"],
  [["Hajjaji"], "الحجاجي"],
  [["Iraqi", "Iraki"], "العراقي"],
  [["Kharbouch"], "خربوش"],
  [["Lyoubi"], "اليوبي"],
  [["Mezouar"], "مزوار"],
  [["Raiss", "Rais"], "الرايس"],
  [["Sekkat", "Sekat"], "السقاط"],
  [["Zaoui"], "الزاوي"],
];

/** Aït + a Amazigh family root, Ben + a first name: the two commonest ways family names are formed. */
const AIT: readonly (readonly [string, string])[] = [
  ["Baha", "باها"],
  ["Ouahmane", "وحمان"],
  ["Said", "سعيد"],
  ["Brahim", "إبراهيم"],
  ["Hammou", "حمو"],
  ["Moussa", "موسى"],
  ["Taleb", "الطالب"],
  ["Lhaj", "الحاج"],
  ["Ahmed", "أحمد"],
  ["Oufella", "أوفلا"],
];
const COMPOSED: Name[] = [
  ...AIT.map(([latin, arabic]): Name => [[`Ait ${latin}`, `Aït ${latin}`], `آيت ${arabic}`]),
  ...MALE.slice(0, 20).map(
    ([latin, arabic]): Name => [
      [`Ben${(latin[0] as string).toLowerCase()}`, `Ben ${latin[0]}`],
      `بن ${arabic}`,
    ],
  ),
];

export const FAMILY_NAMES: readonly Name[] = [...FAMILY, ...MORE, ...COMPOSED];

const cumulative: number[] = [];
let total = 0;
for (let rank = 0; rank < FAMILY_NAMES.length; rank++) {
  total += 1 / (rank + 21);
  cumulative.push(total);
}

/** One family name, Zipf-like; one draw of the generator whatever the result. */
export function pickFamily(r: Rand): Name {
  const x = r.next() * total;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cumulative[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return FAMILY_NAMES[lo] as Name;
}
