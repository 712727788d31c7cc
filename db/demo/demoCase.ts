/**
 * The bundled demo case: real incidents from the air war against ISIS, as the seed pages in
 * `shared/seeds/` describe them, written in our own words. Only facts the seeds state are
 * recorded (figures, dates, admissions); coordinates are approximate public town or
 * neighbourhood centres, never strike sites, and their precision says so.
 *
 * Seed files (in /work/shared/seeds/):
 *   000 Airwars, "US-led Coalition in Iraq & Syria"
 *   001 Wikipedia, "Operation Inherent Resolve in Iraq"
 *   002 Wikipedia, "War against the Islamic State"
 *   003 Amnesty International, "Call on the USA to take responsibility for the annihilation of Raqqa"
 *   004 Wikipedia, "American-led intervention in the Syrian civil war"
 *
 * Figures: a range in a seed gives min–max; one figure (even "at least N") gives min = max;
 * nothing stated gives null. What a belligerent conceded is kept on the belligerent.
 */
import type { IncidentInput } from '../../shared/schemas';
import type { DemoIncident, DemoSource } from './types';

type Casualties = IncidentInput['casualties'];
type MaybeRange = Casualties['killed'];

/** A count range; one argument is a single figure (min = max). */
const r = (min: number | null, max: number | null = min): MaybeRange => ({ min, max });
const UNKNOWN: MaybeRange = r(null);

/** All eight casualty categories, unknown unless given. */
function casualties(known: Partial<Casualties>): Casualties {
  return {
    killed: UNKNOWN,
    injured: UNKNOWN,
    childrenKilled: UNKNOWN,
    childrenInjured: UNKNOWN,
    womenKilled: UNKNOWN,
    womenInjured: UNKNOWN,
    menKilled: UNKNOWN,
    menInjured: UNKNOWN,
    ...known,
  };
}

const NOTE = 'Demo record built from the seed pages.';

// ---------------------------------------------------------------------------------------------
// The seed pages, one object each. seed.ts stores a source once per URL (or outlet and title),
// so each page's excerpt summarises what it says across all the incidents it supports.
// ---------------------------------------------------------------------------------------------

/** Seed 000. */
const AIRWARS_COALITION: DemoSource = {
  kind: 'ngo_report',
  outlet: 'Airwars',
  author: null,
  title: 'US-led Coalition in Iraq & Syria',
  url: 'https://airwars.org/conflict/coalition-in-iraq-and-syria/',
  language: 'English',
  publishedDate: null,
  excerptOriginal:
    "Airwars' overview of the Coalition campaign: its civilian-death estimate by grade, the Coalition's own lower count, and the dates of the main battles, including Raqqa from 6 June to 17 October 2017.",
  credibilityNotes: 'Monitoring group overview page; campaign-level totals, no incident detail.',
};

/** Seed 001. */
const WIKI_OIR_IRAQ: DemoSource = {
  kind: 'other',
  outlet: 'Wikipedia',
  author: null,
  title: 'Operation Inherent Resolve in Iraq',
  url: 'https://en.wikipedia.org/wiki/American-led_intervention_in_Iraq_(2014–2021)',
  language: 'English',
  publishedDate: null,
  excerptOriginal:
    'Timeline of the Coalition campaign in Iraq; for 17 March 2017 it reports a Coalition air strike in Mosul that killed over 200 civilians, with the head of the Mosul District Council putting the toll at 278.',
  credibilityNotes: 'Encyclopedia article; relays figures from local officials and the press. Check the cited originals.',
};

/** Seed 002. */
const WIKI_WAR_AGAINST_IS: DemoSource = {
  kind: 'other',
  outlet: 'Wikipedia',
  author: null,
  title: 'War against the Islamic State',
  url: 'https://en.wikipedia.org/wiki/War_against_the_Islamic_State',
  language: 'English',
  publishedDate: null,
  excerptOriginal:
    'Overview of the war; says a 2019 US strike at Baghuz killed 64 women and children and stayed hidden until The New York Times reported it, and cites Amnesty and Airwars on more than 1,600 civilians killed in Raqqa in 2017.',
  credibilityNotes: 'Encyclopedia article; relays The New York Times, Amnesty International and Airwars.',
};

/** Seed 003. The page carries no URL of its own, so none is recorded. */
const AMNESTY_RAQQA: DemoSource = {
  kind: 'ngo_report',
  outlet: 'Amnesty International',
  author: null,
  title: 'Call on the USA to take responsibility for the annihilation of Raqqa',
  url: null,
  language: 'English',
  publishedDate: null,
  excerptOriginal:
    "Amnesty's campaign page: Coalition strikes on Raqqa from June to October 2017 killed hundreds of civilians, injured thousands and wiped out whole families, and the Coalition has since accepted responsibility for every civilian death in Amnesty's latest report.",
  credibilityNotes: "Advocacy page resting on Amnesty's own site visits and interviews in Raqqa.",
};

/** Seed 004. */
const WIKI_SYRIA_INTERVENTION: DemoSource = {
  kind: 'other',
  outlet: 'Wikipedia',
  author: null,
  title: 'American-led intervention in the Syrian civil war',
  url: 'https://en.wikipedia.org/wiki/American-led_intervention_in_the_Syrian_civil_war',
  language: 'English',
  publishedDate: null,
  excerptOriginal:
    "Its section on civilian casualties lists reported deaths from US and Coalition strikes in Syria (Manbij and al-Khasham 2014, Harem 2014, Tokhar and Hoshariyeh and al-Qa'im 2016, Raqqa 2017, a British drone strike in 2018, Baghuz 2019) and the belligerents' later admissions.",
  credibilityNotes: 'Encyclopedia article; relays SOHR, Amnesty, The New York Times and official statements.',
};

// ---------------------------------------------------------------------------------------------
// The incidents, oldest first within each country.
// ---------------------------------------------------------------------------------------------

export const DEMO_CASE: DemoIncident[] = [
  // Manbij grain silo, 29 September 2014. Seed 004.
  {
    incident: {
      code: 'DEMO-SY-001',
      dateStart: '2014-09-29',
      dateEnd: null,
      datePrecision: 'day',
      localTime: null,
      placeEn: 'Manbij',
      placeAr: 'منبج',
      district: null,
      governorate: 'Aleppo',
      country: 'Syria',
      latitude: 36.528,
      longitude: 37.955,
      geoPrecision: 'city',
      strikeType: 'Airstrike',
      strikeStatus: 'likely',
      casualties: casualties({ killed: r(2) }),
      causeOfDeath: null,
      infrastructure: 'Grain silo',
      summary:
        'US strikes were reported to have hit a grain silo in Manbij, then held by ISIS, killing two civilians. ' +
        'The Syrian Observatory for Human Rights, the Aleppo Media Center and the Local Coordination Committees all reported the deaths.',
      internalNotes: NOTE,
      status: 'graded',
      assigneeId: null,
      grade: 'fair',
      gradeRationale:
        'Three monitoring groups reported the same deaths, and the strikes were attributed to US aircraft; no belligerent has accepted responsibility in the seeds.',
      belligerents: [
        {
          belligerent: 'United States',
          involvement: 'known',
          position: 'not_yet_assessed',
          concededKilled: UNKNOWN,
          concededInjured: UNKNOWN,
          locationText: null,
          mgrs: null,
          statement: null,
        },
      ],
    },
    sources: [WIKI_SYRIA_INTERVENTION],
  },

  // Gas facility near al-Khasham, 17 October 2014. Seed 004.
  {
    incident: {
      code: 'DEMO-SY-002',
      dateStart: '2014-10-17',
      dateEnd: null,
      datePrecision: 'day',
      localTime: null,
      placeEn: 'Near al-Khasham',
      placeAr: 'خشام',
      district: null,
      governorate: 'Deir ez-Zor',
      country: 'Syria',
      latitude: null, // the seed gives no coordinates and we hold none we trust
      longitude: null,
      geoPrecision: 'unknown',
      strikeType: 'Airstrike',
      strikeStatus: 'likely',
      casualties: casualties({ killed: r(7) }),
      causeOfDeath: null,
      infrastructure: 'Gas distribution facility',
      summary:
        'An air strike reportedly hit a gas distribution facility near al-Khasham in eastern Deir ez-Zor, killing seven civilians. ' +
        'According to the monitors, most of those killed in strikes at that time were drivers of fuel tankers.',
      internalNotes: `${NOTE} Location not yet geolocated.`,
      status: 'graded',
      assigneeId: null,
      grade: 'fair',
      gradeRationale:
        'Reported by the Syrian Observatory for Human Rights and other activist groups during the Coalition air campaign; no belligerent has accepted responsibility in the seeds.',
      belligerents: [
        {
          belligerent: 'U.S.-led Coalition',
          involvement: 'suspected',
          position: 'not_yet_assessed',
          concededKilled: UNKNOWN,
          concededInjured: UNKNOWN,
          locationText: null,
          mgrs: null,
          statement: null,
        },
      ],
    },
    sources: [WIKI_SYRIA_INTERVENTION],
  },

  // Harim (Harem), Idlib, 4–5 November 2014: the first admission of the campaign. Seed 004.
  {
    incident: {
      code: 'DEMO-SY-003',
      dateStart: '2014-11-04',
      dateEnd: '2014-11-05',
      datePrecision: 'range',
      localTime: null,
      placeEn: 'Near Harim (Harem)',
      placeAr: 'حارم',
      district: null,
      governorate: 'Idlib',
      country: 'Syria',
      latitude: 36.207,
      longitude: 36.519,
      geoPrecision: 'town',
      strikeType: 'Airstrike',
      strikeStatus: 'declared',
      casualties: casualties({
        killed: r(2),
        childrenKilled: r(2),
        injured: r(2),
        childrenInjured: r(0), // the two injured were adults
      }),
      causeOfDeath: 'Secondary explosions after the intended targets were hit (US military investigation)',
      infrastructure: null,
      summary:
        'US bombing near Harim on 4 and 5 November 2014 killed two children and lightly injured two adult civilians, by the US military\'s own account. ' +
        'A military investigation found the harm came from unintended secondary explosions after the aircraft hit targets linked to the Khorasan group. ' +
        'Announced on 21 May 2015, it was the first time the campaign admitted killing civilians.',
      internalNotes: NOTE,
      status: 'published',
      assigneeId: null,
      grade: 'confirmed',
      gradeRationale:
        'The United States accepted, after a military investigation, that its strikes probably killed two children and injured two adults.',
      belligerents: [
        {
          belligerent: 'United States',
          involvement: 'known',
          position: 'credible',
          concededKilled: r(2),
          concededInjured: r(2),
          locationText: 'Near Harem, Idlib',
          mgrs: null,
          statement:
            '21 May 2015: after an investigation, the US said its strikes had probably killed two children and slightly injured two adults, through secondary explosions it had not intended.',
        },
      ],
    },
    sources: [WIKI_SYRIA_INTERVENTION],
  },

  // Tokhar and Hoshariyeh, near Manbij, 19 July 2016. Seed 004.
  {
    incident: {
      code: 'DEMO-SY-004',
      dateStart: '2016-07-19',
      dateEnd: null,
      datePrecision: 'day',
      localTime: null,
      placeEn: 'Tokhar and Hoshariyeh, near Manbij',
      placeAr: 'التوخار والهوشرية',
      district: null,
      governorate: 'Aleppo',
      country: 'Syria',
      latitude: 36.6, // Tokhar village centre, approximate
      longitude: 37.94,
      geoPrecision: 'village',
      strikeType: 'Airstrike',
      strikeStatus: 'likely',
      // The seed says "at least 56 ... including 11 children": one figure each.
      casualties: casualties({ killed: r(56), childrenKilled: r(11) }),
      causeOfDeath: null,
      infrastructure: null,
      summary:
        'A Coalition-led air strike on Tokhar and Hoshariyeh, two villages near Manbij then held by ISIS, was reported to have killed at least 56 civilians. ' +
        'At least 11 of the dead were reported to be children.',
      internalNotes: NOTE,
      status: 'graded',
      assigneeId: null,
      grade: 'fair',
      gradeRationale:
        'Casualty reporting with specific figures, attributed to a Coalition-led strike; the seeds record no Coalition acceptance of responsibility.',
      belligerents: [
        {
          belligerent: 'U.S.-led Coalition',
          involvement: 'known',
          position: 'not_yet_assessed',
          concededKilled: UNKNOWN,
          concededInjured: UNKNOWN,
          locationText: null,
          mgrs: null,
          statement: null,
        },
      ],
    },
    sources: [WIKI_SYRIA_INTERVENTION],
  },

  // Raqqa, the 2017 campaign (6 June – 17 October 2017). Seeds 000, 002, 003, 004.
  {
    incident: {
      code: 'DEMO-SY-005',
      dateStart: '2017-06-06', // battle dates: seed 000; "June to October 2017": seed 003
      dateEnd: '2017-10-17',
      datePrecision: 'range',
      localTime: null,
      placeEn: 'Raqqa city',
      placeAr: 'الرقة',
      district: null,
      governorate: 'Raqqa',
      country: 'Syria',
      latitude: 35.95,
      longitude: 39.01,
      geoPrecision: 'city',
      strikeType: 'Airstrikes (campaign)',
      strikeStatus: 'declared',
      // 1,600 civilians killed: Amnesty and Airwars joint investigation (seeds 002, 004).
      // Seed 003 speaks of thousands injured, with no figure, so injured stays unknown.
      casualties: casualties({ killed: r(1600) }),
      causeOfDeath: 'Aerial bombardment',
      infrastructure: 'Homes, public and private buildings and infrastructure destroyed across the city',
      summary:
        'The Coalition, including US, British and French forces, bombed Raqqa from June to October 2017 to drive out ISIS, leaving much of the city destroyed. ' +
        'A joint Amnesty International and Airwars investigation of over 200 strike sites put the civilian death toll at about 1,600, with whole families killed. ' +
        'After Amnesty\'s June 2018 report the Coalition confirmed that its strikes had killed 70 civilians, most of them women and children, 39 from a single family.',
      internalNotes: `${NOTE} A campaign-level record; the individual strikes are not yet split out.`,
      status: 'published',
      assigneeId: null,
      grade: 'confirmed',
      gradeRationale:
        'The Coalition accepted responsibility for the civilian deaths documented in Amnesty\'s June 2018 report (70 killed).',
      belligerents: [
        {
          belligerent: 'U.S.-led Coalition',
          involvement: 'known',
          position: 'credible',
          concededKilled: r(70),
          concededInjured: UNKNOWN,
          locationText: 'Raqqa city',
          mgrs: null,
          statement:
            'In 2018, after Amnesty\'s investigation, the Coalition confirmed its strikes killed 70 civilians, mostly women and children. ' +
            'In April 2019 it answered the Amnesty and Airwars findings by saying its targeting was thorough and deliberate to limit harm to civilians.',
        },
      ],
    },
    sources: [AMNESTY_RAQQA, WIKI_SYRIA_INTERVENTION, WIKI_WAR_AGAINST_IS, AIRWARS_COALITION],
    gradeHistory: [
      {
        grade: 'fair',
        rationale:
          'Amnesty\'s field research and Airwars\' monitoring both reported civilian deaths from declared Coalition strikes; the Coalition had not yet accepted them.',
        at: '2018-06-30',
        by: 'Demo reviewer',
      },
    ],
  },

  // British drone strike, 26 March 2018: the UK's first admission. Seed 004.
  {
    incident: {
      code: 'DEMO-SY-006',
      dateStart: '2018-03-26',
      dateEnd: null,
      datePrecision: 'day',
      localTime: null,
      placeEn: null, // the seed does not name the place
      placeAr: null,
      district: null,
      governorate: null,
      country: 'Syria',
      latitude: null,
      longitude: null,
      geoPrecision: 'unknown',
      strikeType: 'Drone strike',
      strikeStatus: 'declared',
      casualties: casualties({ killed: r(1) }),
      causeOfDeath: null,
      infrastructure: null,
      summary:
        'A British drone strike against ISIS on 26 March 2018 killed one civilian, who rode a motorbike into the target area at the last moment. ' +
        'The Ministry of Defence disclosed it on 2 May 2018, the first time the UK admitted killing a civilian in the campaign.',
      internalNotes: `${NOTE} Country taken from the page it appears on (the Syria intervention article); the place is not stated.`,
      status: 'published',
      assigneeId: null,
      grade: 'confirmed',
      gradeRationale: 'The UK Ministry of Defence accepted that its strike unintentionally killed one civilian.',
      belligerents: [
        {
          belligerent: 'United Kingdom',
          involvement: 'known',
          position: 'credible',
          concededKilled: r(1),
          concededInjured: UNKNOWN,
          locationText: null,
          mgrs: null,
          statement:
            '2 May 2018: the Ministry of Defence said a civilian on a motorbike entered the target area too late to stop the strike and was killed; the Defence Secretary expressed regret.',
        },
      ],
    },
    sources: [WIKI_SYRIA_INTERVENTION],
  },

  // Baghuz, 18 March 2019. Seeds 004 and 002.
  {
    incident: {
      code: 'DEMO-SY-007',
      dateStart: '2019-03-18',
      dateEnd: null,
      datePrecision: 'day',
      localTime: null,
      placeEn: 'Baghuz (al-Baghuz Fawqani)',
      placeAr: 'الباغوز فوقاني',
      district: null,
      governorate: 'Deir ez-Zor',
      country: 'Syria',
      latitude: 34.467,
      longitude: 40.944,
      geoPrecision: 'village',
      strikeType: 'Airstrike (special operations-led)',
      strikeStatus: 'declared',
      // The New York Times: 64 civilians, almost all women and children (no split given).
      casualties: casualties({ killed: r(64) }),
      causeOfDeath: null,
      infrastructure: null,
      summary:
        'During the battle for Baghuz, a US special operations-led air strike killed up to 80 people; The New York Times counted 64 civilians among them, nearly all women and children. ' +
        'The site was bulldozed and the US military kept the strike quiet until the newspaper reported it in November 2021. ' +
        'A US military investigation in May 2022 found that 4 civilians and 52 ISIS fighters were killed and that no law of war was broken.',
      internalNotes: NOTE,
      status: 'published',
      assigneeId: null,
      grade: 'confirmed',
      gradeRationale:
        'The US military\'s own investigation accepted civilian deaths (4), though far fewer than the 64 reported; the casualty range keeps the reported figure.',
      belligerents: [
        {
          belligerent: 'United States',
          involvement: 'known',
          position: 'credible',
          concededKilled: r(4),
          concededInjured: UNKNOWN,
          locationText: 'Baghuz',
          mgrs: null,
          statement:
            'May 2022: a US military investigation concluded the strike killed 52 ISIS fighters and 4 civilians and complied with the laws of war.',
        },
      ],
    },
    sources: [WIKI_SYRIA_INTERVENTION, WIKI_WAR_AGAINST_IS],
  },

  // al-Qa'im, 3 August 2016. Seed 004.
  {
    incident: {
      code: 'DEMO-IQ-001',
      dateStart: '2016-08-03',
      dateEnd: null,
      datePrecision: 'day',
      localTime: null,
      placeEn: "al-Qa'im",
      placeAr: 'القائم',
      district: null,
      governorate: 'Al Anbar',
      country: 'Iraq',
      latitude: 34.37,
      longitude: 41.09,
      geoPrecision: 'town',
      strikeType: 'Airstrike',
      strikeStatus: 'single_source',
      // "Dozens", with some sources giving 30: the one figure stated.
      casualties: casualties({ killed: r(30) }),
      causeOfDeath: null,
      infrastructure: null,
      summary:
        "An air strike in al-Qa'im, near the Syrian border, was reported to have killed dozens of civilians; some sources gave a toll of 30.",
      internalNotes: `${NOTE} The seed names neither the sources nor the aircraft's nationality.`,
      status: 'graded',
      assigneeId: null,
      grade: 'weak',
      gradeRationale:
        'Only a brief mention that names neither its sources nor the belligerent; not yet corroborated by two credible sources.',
      belligerents: [
        {
          belligerent: 'U.S.-led Coalition',
          involvement: 'suspected',
          position: 'not_yet_assessed',
          concededKilled: UNKNOWN,
          concededInjured: UNKNOWN,
          locationText: null,
          mgrs: null,
          statement: null,
        },
      ],
    },
    sources: [WIKI_SYRIA_INTERVENTION],
  },

  // Mosul al-Jadida, 17 March 2017. Seed 001.
  {
    incident: {
      code: 'DEMO-IQ-002',
      dateStart: '2017-03-17',
      dateEnd: null,
      datePrecision: 'day',
      localTime: null,
      placeEn: 'Mosul al-Jadida, west Mosul',
      placeAr: 'الموصل الجديدة',
      district: 'Mosul',
      governorate: 'Nineveh',
      country: 'Iraq',
      latitude: 36.35,
      longitude: 43.1,
      geoPrecision: 'neighbourhood',
      strikeType: 'Airstrike',
      strikeStatus: 'likely',
      // "More than 200" (seed 001, March 2017 timeline) to 278 (head of Mosul District Council).
      casualties: casualties({ killed: r(200, 278) }),
      causeOfDeath: null,
      infrastructure: null,
      summary:
        'A Coalition air strike in west Mosul on 17 March 2017, during the offensive to retake the city, was reported to have killed more than 200 civilians. ' +
        'The head of the Mosul District Council put the toll at 278 and said air raids that week had killed over 500 civilians.',
      internalNotes:
        `${NOTE} The seeds name only Mosul, not the al-Jadida neighbourhood, and do not record the Coalition's later admission; ` +
        'add a source for the admission before raising the grade to Confirmed.',
      status: 'graded',
      assigneeId: null,
      grade: 'fair',
      gradeRationale:
        'Two accounts give specific figures (the March 2017 timeline and the head of the Mosul District Council) amid heavy Coalition strikes on west Mosul; no acceptance of responsibility is recorded in the sources held.',
      belligerents: [
        {
          belligerent: 'U.S.-led Coalition',
          involvement: 'known',
          position: 'not_yet_assessed',
          concededKilled: UNKNOWN,
          concededInjured: UNKNOWN,
          locationText: null,
          mgrs: null,
          statement: null,
        },
      ],
    },
    sources: [WIKI_OIR_IRAQ],
  },
];
