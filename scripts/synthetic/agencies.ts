// Synthetic reporting agencies in the administrative hierarchy: province (省/自治区) → city (市/州) →
// county (县/区/县级市) → township (乡/镇/街道), plus the departments of each government. Provinces are
// real; every lower name is made up from syllables and unique in the corpus, so each agency's full
// name identifies it (the parser keys reports by agency and year).
import type { Level } from '../../model/report.ts';
import { Random } from './random.ts';

export interface Agency {
  index: number;
  /** Full name, as the signature block prints it: "青山县石桥镇人民政府". */
  name: string;
  /** Shorter name a title may use instead: "石桥镇", "青山县". */
  short: string;
  level: Level;
  /** Level of the government the agency belongs to (a department's is its government's). */
  tier: 'province' | 'city' | 'county' | 'township';
  province: string;
  /** Administrative code of the province ("51"), which shards the output folders. */
  provinceCode: string;
  /** "四川省华川市青山县". */
  region: string;
  /** Full name of the government one level up, or null for a province. */
  parent: string | null;
  /** Consecutive years the agency reports. */
  years: number[];
}

export const FIRST_YEAR = 2019;
export const LAST_YEAR = 2025;

const PROVINCES: [string, string][] = [
  ['13', '河北省'],
  ['14', '山西省'],
  ['15', '内蒙古自治区'],
  ['21', '辽宁省'],
  ['22', '吉林省'],
  ['23', '黑龙江省'],
  ['32', '江苏省'],
  ['33', '浙江省'],
  ['34', '安徽省'],
  ['35', '福建省'],
  ['36', '江西省'],
  ['37', '山东省'],
  ['41', '河南省'],
  ['42', '湖北省'],
  ['43', '湖南省'],
  ['44', '广东省'],
  ['45', '广西壮族自治区'],
  ['46', '海南省'],
  ['51', '四川省'],
  ['52', '贵州省'],
  ['53', '云南省'],
  ['54', '西藏自治区'],
  ['61', '陕西省'],
  ['62', '甘肃省'],
  ['63', '青海省'],
  ['64', '宁夏回族自治区'],
  ['65', '新疆维吾尔自治区'],
];

const DEPARTMENTS = {
  province: [
    '人民政府办公厅',
    '发展和改革委员会',
    '教育厅',
    '科学技术厅',
    '公安厅',
    '民政厅',
    '司法厅',
    '财政厅',
    '人力资源和社会保障厅',
    '自然资源厅',
    '生态环境厅',
    '住房和城乡建设厅',
    '交通运输厅',
    '水利厅',
    '农业农村厅',
    '商务厅',
    '文化和旅游厅',
    '卫生健康委员会',
    '退役军人事务厅',
    '应急管理厅',
    '审计厅',
    '市场监督管理局',
    '统计局',
    '医疗保障局',
    '林业和草原局',
    '体育局',
  ],
  city: [
    '人民政府办公室',
    '发展和改革委员会',
    '教育局',
    '科学技术局',
    '工业和信息化局',
    '公安局',
    '民政局',
    '司法局',
    '财政局',
    '人力资源和社会保障局',
    '自然资源和规划局',
    '生态环境局',
    '住房和城乡建设局',
    '城市管理局',
    '交通运输局',
    '水务局',
    '农业农村局',
    '商务局',
    '文化广电旅游局',
    '卫生健康委员会',
    '退役军人事务局',
    '应急管理局',
    '审计局',
    '市场监督管理局',
    '统计局',
    '医疗保障局',
    '行政审批服务局',
  ],
  county: [
    '人民政府办公室',
    '发展和改革局',
    '教育局',
    '公安局',
    '民政局',
    '司法局',
    '财政局',
    '人力资源和社会保障局',
    '自然资源局',
    '住房和城乡建设局',
    '交通运输局',
    '水利局',
    '农业农村局',
    '文化和旅游局',
    '卫生健康局',
    '退役军人事务局',
    '应急管理局',
    '审计局',
    '市场监督管理局',
    '统计局',
    '医疗保障局',
    '林业局',
  ],
};

// Syllables for made-up place names. Three-syllable names make room for a national-size corpus.
const HEADS = [...'青石安平清河东西南新永长金龙云白黄丰华宁泉阳林桥溪湖源兴和顺明昌广福德嘉太庆宝富泰江海松柏桃梅竹兰玉凤鹤鸣仁义礼智信乐康寿春秋文武茂盛'];
const MIDS = [...'山水川溪峰岩石田沙江河湖泉林松竹花云霞'];
const TAILS = [...'山水阳川河溪桥坪田坝口湾岭沟源安平宁丰兴乐化城林州关庄店集堡寨渡塘峰台坡岗'];

/** The kinds of agency and how often each appears among all reporting agencies (townships and county departments dominate). */
const KINDS = {
  township: 42,
  countyDepartment: 30,
  county: 7,
  cityDepartment: 12,
  city: 3,
  provinceDepartment: 5,
  province: 1,
};

interface County {
  name: string;
  government: string;
  region: string;
  reported: boolean;
  townships: number;
  departments: string[];
  capacity: { townships: number; departments: number };
}
interface City {
  name: string;
  government: string;
  region: string;
  reported: boolean;
  departments: string[];
  counties: number;
  capacity: number;
}
interface Province {
  code: string;
  name: string;
  government: string;
  reported: boolean;
  departments: string[];
  /** The city and county new agencies join until they are full. */
  city?: City;
  county?: County;
}

/**
 * Yields agencies forever, in a fixed order for a seed. Each agency joins a province drawn at random,
 * and there the city and county being filled, so even a small corpus spans the provinces.
 */
export function* agencies(seed: number): Generator<Agency> {
  const rnd = new Random(seed, 'hierarchy');
  const used = new Set<string>();
  const provinces: Province[] = PROVINCES.map(([code, name]) => ({
    code,
    name,
    government: `${name}人民政府`,
    reported: false,
    departments: [],
  }));

  const placeName = (): string => {
    for (let attempt = 0; ; attempt++) {
      const name = attempt < 4 ? rnd.pick(HEADS) + rnd.pick(TAILS) : rnd.pick(HEADS) + rnd.pick(MIDS) + rnd.pick(TAILS);
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
  const openCity = (province: Province): City => {
    const name = placeName() + (rnd.chance(0.9) ? '市' : '州');
    return { name, government: `${name}人民政府`, region: province.name + name, reported: false, departments: [], counties: 0, capacity: rnd.int(4, 12) };
  };
  const openCounty = (province: Province): County => {
    if (!province.city || province.city.counties >= province.city.capacity) province.city = openCity(province);
    province.city.counties++;
    const name = placeName() + rnd.pick(['县', '县', '县', '区', '区', '市']);
    return {
      name,
      government: `${name}人民政府`,
      region: province.city.region + name,
      reported: false,
      townships: 0,
      departments: [],
      capacity: { townships: rnd.int(6, 20), departments: rnd.int(8, DEPARTMENTS.county.length) },
    };
  };
  /** The county being filled in a province (and so its city), opening a new one when it is full. */
  const place = (province: Province): { city: City; county: County } => {
    const c = province.county;
    if (!c || (c.townships >= c.capacity.townships && c.departments.length >= c.capacity.departments)) province.county = openCounty(province);
    return { city: province.city!, county: province.county! };
  };
  const newDepartment = (taken: string[], kinds: string[]): string | undefined => {
    const free = kinds.filter((k) => !taken.includes(k));
    if (free.length === 0) return undefined;
    const kind = rnd.pick(free);
    taken.push(kind);
    return kind;
  };

  for (let index = 0; ;) {
    const kind = rnd.choose(KINDS);
    const province = rnd.pick(provinces);
    const span = rnd.int(3, LAST_YEAR - FIRST_YEAR + 1);
    const first = rnd.int(FIRST_YEAR, LAST_YEAR - span + 1);
    const years = Array.from({ length: span }, (_, i) => first + i);
    const { city, county } = place(province);
    let agency: Omit<Agency, 'index' | 'years' | 'province' | 'provinceCode'> | undefined;

    if (kind === 'province' || kind === 'provinceDepartment') {
      if (kind === 'province' && !province.reported) {
        province.reported = true;
        agency = { name: province.government, short: province.name, level: 'province', tier: 'province', region: province.name, parent: null };
      } else {
        const dept = newDepartment(province.departments, DEPARTMENTS.province);
        if (dept)
          agency = {
            name: province.name + dept,
            short: province.name + dept,
            level: 'department',
            tier: 'province',
            region: province.name,
            parent: province.government,
          };
      }
    } else if (kind === 'city' || kind === 'cityDepartment') {
      if (kind === 'city' && !city.reported) {
        city.reported = true;
        agency = { name: city.government, short: city.name, level: 'city', tier: 'city', region: city.region, parent: province.government };
      } else {
        const dept = newDepartment(city.departments, DEPARTMENTS.city);
        if (dept) agency = { name: city.name + dept, short: city.name + dept, level: 'department', tier: 'city', region: city.region, parent: city.government };
      }
    } else if (kind === 'county' && !county.reported) {
      county.reported = true;
      agency = { name: county.government, short: county.name, level: 'county', tier: 'county', region: county.region, parent: city.government };
    } else if (kind === 'township' && county.townships < county.capacity.townships) {
      county.townships++;
      const base = placeName();
      const suffix = rnd.choose({ 镇: 5, 乡: 3, 街道: 2 });
      const name = county.name + base + suffix + (suffix === '街道' ? '办事处' : '人民政府');
      agency = { name, short: base + suffix, level: 'township', tier: 'township', region: county.region, parent: county.government };
    } else if (county.departments.length < county.capacity.departments) {
      const dept = newDepartment(county.departments, DEPARTMENTS.county)!;
      agency = { name: county.name + dept, short: county.name + dept, level: 'department', tier: 'county', region: county.region, parent: county.government };
    }
    // A slot the place cannot fill (its government already reports, its departments are all taken) is
    // skipped; a full county makes way for a new one on the next draw.
    if (agency) yield { ...agency, index: index++, years, province: province.name, provinceCode: province.code };
  }
}
