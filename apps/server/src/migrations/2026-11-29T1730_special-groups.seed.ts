// The starting group dictionary: the five GB/T 31000 特殊人群 and the five 重点青少年 types, with the typical attributes
// of docs/domain.md §5.2. Frozen copy (no imports from application code). Intervals are local starting values — there are
// no national visit frequencies — and administrators change them, the fields and the active flags as data.

type Field = {
  key: string;
  label: string;
  type: 'text' | 'date' | 'number' | 'boolean' | 'select';
  options?: string[];
  required?: boolean;
};
export interface SeedGroup {
  code: string;
  name: string;
  kind: 'special_group' | 'key_youth';
  sensitivity: 'health' | 'justice' | 'general';
  fields: Field[];
  intervals: [normal: number, medium: number, high: number];
}

const DEFAULT: SeedGroup['intervals'] = [90, 30, 7];
const YOUTH: SeedGroup['intervals'] = [90, 30, 14];

export const SEED_GROUPS: readonly SeedGroup[] = [
  {
    code: 'released_prisoner',
    name: '刑满释放人员',
    kind: 'special_group',
    sensitivity: 'justice',
    intervals: DEFAULT,
    fields: [
      { key: 'charge', label: '原罪名', type: 'text', required: true },
      { key: 'sentence', label: '刑期', type: 'text' },
      { key: 'prison', label: '服刑场所', type: 'text' },
      { key: 'releaseDate', label: '释放日期', type: 'date', required: true },
      { key: 'recidivist', label: '是否累犯', type: 'boolean' },
      { key: 'placedAt', label: '安置时间', type: 'date' },
      { key: 'unplacedReason', label: '未安置原因', type: 'text' },
      {
        key: 'aftercare',
        label: '帮教情况',
        type: 'select',
        options: ['已列入帮教', '未列入帮教', '帮教期满'],
      },
    ],
  },
  {
    code: 'community_correction',
    name: '社区矫正人员',
    kind: 'special_group',
    sensitivity: 'justice',
    intervals: DEFAULT,
    fields: [
      {
        key: 'correctionType',
        label: '矫正类别',
        type: 'select',
        options: ['管制', '缓刑', '假释', '暂予监外执行'],
        required: true,
      },
      { key: 'startDate', label: '矫正开始日期', type: 'date', required: true },
      { key: 'endDate', label: '矫正结束日期', type: 'date' },
      { key: 'judicialOffice', label: '负责司法所', type: 'text' },
      { key: 'charge', label: '原罪名', type: 'text' },
    ],
  },
  {
    code: 'drug_user',
    name: '吸毒人员',
    kind: 'special_group',
    sensitivity: 'health',
    intervals: DEFAULT,
    fields: [
      { key: 'seizedDate', label: '查获日期', type: 'date' },
      { key: 'cause', label: '吸毒原因', type: 'text' },
      { key: 'drugSource', label: '毒品来源', type: 'text' },
      {
        key: 'rehab',
        label: '戒毒情况',
        type: 'select',
        options: ['社区戒毒', '社区康复', '强制隔离戒毒', '自愿戒毒', '戒断三年未复吸'],
      },
      { key: 'usingNow', label: '是否在吸', type: 'boolean' },
      { key: 'methadone', label: '美沙酮维持治疗', type: 'boolean' },
      { key: 'control', label: '管控现状', type: 'text' },
    ],
  },
  {
    code: 'severe_mental_disorder',
    name: '严重精神障碍患者',
    kind: 'special_group',
    sensitivity: 'health',
    intervals: DEFAULT,
    fields: [
      { key: 'diagnosis', label: '患病名称', type: 'text', required: true },
      {
        key: 'riskGrade',
        label: '危险性评估等级',
        type: 'select',
        options: ['0', '1', '2', '3', '4', '5'],
        required: true,
      },
      {
        key: 'treatment',
        label: '治疗状态',
        type: 'select',
        options: ['规律服药', '间断服药', '未服药', '住院治疗'],
      },
      { key: 'rehabInstitution', label: '康复机构', type: 'text' },
    ],
  },
  {
    code: 'hiv_risk',
    name: '艾滋病危险人员',
    kind: 'special_group',
    sensitivity: 'health',
    intervals: DEFAULT,
    fields: [
      { key: 'followUp', label: '随访状态', type: 'select', options: ['随访中', '失访', '转出'] },
      { key: 'clinic', label: '负责医疗机构', type: 'text' },
    ],
  },
  {
    code: 'idle_youth',
    name: '闲散青少年',
    kind: 'key_youth',
    sensitivity: 'general',
    intervals: YOUTH,
    fields: [
      { key: 'leftSchoolOn', label: '离校时间', type: 'date' },
      { key: 'education', label: '文化程度', type: 'text' },
      { key: 'employed', label: '是否就业', type: 'boolean' },
    ],
  },
  {
    code: 'misbehaving_youth',
    name: '有不良行为青少年',
    kind: 'key_youth',
    sensitivity: 'justice',
    intervals: YOUTH,
    fields: [
      { key: 'behaviour', label: '不良行为', type: 'text', required: true },
      { key: 'severity', label: '行为程度', type: 'select', options: ['不良行为', '严重不良行为'] },
      { key: 'school', label: '就读学校', type: 'text' },
    ],
  },
  {
    code: 'street_minor',
    name: '流浪乞讨未成年人',
    kind: 'key_youth',
    sensitivity: 'general',
    intervals: YOUTH,
    fields: [
      { key: 'foundAt', label: '发现地点', type: 'text' },
      { key: 'rescueAgency', label: '救助机构', type: 'text' },
    ],
  },
  {
    code: 'prisoner_child',
    name: '服刑在教人员未成年子女',
    kind: 'key_youth',
    sensitivity: 'justice',
    intervals: YOUTH,
    fields: [
      {
        key: 'parentInCustody',
        label: '服刑/在教父母',
        type: 'select',
        options: ['父亲', '母亲', '父母双方'],
      },
      { key: 'custodyPlace', label: '服刑场所', type: 'text' },
      { key: 'guardianRelation', label: '监护人关系', type: 'text' },
    ],
  },
  {
    code: 'left_behind_child',
    name: '农村留守儿童',
    kind: 'key_youth',
    sensitivity: 'general',
    intervals: YOUTH,
    fields: [
      { key: 'parentsLocation', label: '父母务工地', type: 'text' },
      { key: 'carer', label: '实际照料人', type: 'text' },
      { key: 'carerRelation', label: '照料人关系', type: 'text' },
    ],
  },
];
