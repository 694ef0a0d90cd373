/**
 * The default catalogues of the contract, embedded so the workbench runs without
 * ../shared: need indicators (shared/contract/need-indicators.csv, 57 rows) and outcome-plan
 * measures (shared/contract/outcome-measures.csv, 31 rows, Herefordshire's Family Outcomes
 * Framework). test/cohort/catalogues.test.ts checks they equal the contract files.
 */

export interface NeedIndicatorEntry {
  id: string;
  label: string;
  headlineProblem: string;
}

export interface OutcomeMeasureEntry {
  id: string;
  headlineProblem: string;
  label: string;
}

export const NEED_CATALOGUE: readonly NeedIndicatorEntry[] = [
  { id: "parenting_difficulties", label: "Parenting difficulties", headlineProblem: "family_relationships" },
  { id: "single_parent_family", label: "Single parent family", headlineProblem: "family_relationships" },
  { id: "teenage_parent", label: "Teenage parent (now or when children were born)", headlineProblem: "family_relationships" },
  { id: "unstable_family_relationships", label: "Unstable or disruptive family relationships", headlineProblem: "family_relationships" },
  { id: "parental_conflict", label: "Parental conflict", headlineProblem: "family_relationships" },
  { id: "limited_support_network", label: "Limited support network", headlineProblem: "family_relationships" },
  { id: "social_isolation", label: "Social isolation", headlineProblem: "family_relationships" },
  { id: "young_carer", label: "Young carer in the family", headlineProblem: "family_relationships" },
  { id: "adult_carer", label: "Adult carer in the family", headlineProblem: "family_relationships" },
  { id: "bereavement", label: "Bereavement or loss", headlineProblem: "family_relationships" },
  { id: "neglect_concerns", label: "Neglect concerns", headlineProblem: "child_safety" },
  { id: "poor_home_conditions", label: "Poor home conditions", headlineProblem: "housing" },
  { id: "child_development_concerns", label: "Child development concerns", headlineProblem: "early_years" },
  { id: "speech_language_delay", label: "Speech, language and communication delay", headlineProblem: "early_years" },
  { id: "early_years_offer_not_taken", label: "Eligible early-years place not taken up", headlineProblem: "early_years" },
  { id: "send", label: "Special educational needs and disabilities (SEND)", headlineProblem: "education" },
  { id: "learning_disability", label: "Child learning difficulties or disability", headlineProblem: "education" },
  { id: "child_mental_health_low_level", label: "Child low-level mental health (e.g. anxiety)", headlineProblem: "health" },
  { id: "child_mental_health_other", label: "Other child mental health", headlineProblem: "health" },
  { id: "child_violent_aggressive_behaviour", label: "Violent or aggressive behaviour in children", headlineProblem: "child_safety" },
  { id: "negative_child_lifestyle", label: "Negative child lifestyle", headlineProblem: "child_safety" },
  { id: "child_domestic_abuse_victim", label: "Child victim or witness of domestic abuse", headlineProblem: "domestic_abuse" },
  { id: "bullying", label: "Bullying or harassment", headlineProblem: "child_safety" },
  { id: "child_sexual_exploitation_risk", label: "Risk of child sexual exploitation", headlineProblem: "child_safety" },
  { id: "missing_from_home", label: "Missing from home episodes", headlineProblem: "child_safety" },
  { id: "risky_sexual_behaviour", label: "Risky sexual behaviour", headlineProblem: "child_safety" },
  { id: "e_safety", label: "E-safety concerns", headlineProblem: "child_safety" },
  { id: "school_attendance", label: "Poor school attendance (below 90%)", headlineProblem: "education" },
  { id: "school_exclusions", label: "Fixed-term or permanent exclusions", headlineProblem: "education" },
  { id: "school_behaviour_issues", label: "Behaviour issues at school", headlineProblem: "education" },
  { id: "not_in_education", label: "Young person not in education, employment or training", headlineProblem: "education" },
  { id: "alternative_provision", label: "Alternative provision or home education", headlineProblem: "education" },
  { id: "heavy_reliance_on_benefits", label: "Heavy reliance on benefits", headlineProblem: "financial_stability" },
  { id: "work_related_benefits", label: "Work-related benefits (out-of-work claimant)", headlineProblem: "financial_stability" },
  { id: "worklessness", label: "Adult out of work", headlineProblem: "financial_stability" },
  { id: "financial_difficulties", label: "Financial difficulties", headlineProblem: "financial_stability" },
  { id: "debt_rent_arrears", label: "Debt or rent arrears", headlineProblem: "financial_stability" },
  { id: "housing_unsuitable", label: "Unsuitable or unstable housing", headlineProblem: "housing" },
  { id: "homelessness_risk", label: "At risk of homelessness", headlineProblem: "housing" },
  { id: "social_housing", label: "Living in social housing", headlineProblem: "housing" },
  { id: "adult_domestic_abuse_victim", label: "Adult victim of domestic abuse", headlineProblem: "domestic_abuse" },
  { id: "domestic_abuse_perpetrator", label: "Perpetrator of domestic abuse in the household", headlineProblem: "domestic_abuse" },
  { id: "police_domestic_callout", label: "Police call-out for a domestic incident", headlineProblem: "domestic_abuse" },
  { id: "adult_offending", label: "Adult offending", headlineProblem: "crime" },
  { id: "child_offending", label: "Child offending", headlineProblem: "crime" },
  { id: "anti_social_behaviour", label: "Anti-social behaviour", headlineProblem: "crime" },
  { id: "gang_involvement", label: "Gang involvement or criminal exploitation", headlineProblem: "crime" },
  { id: "family_member_in_custody", label: "Family member in custody or on licence", headlineProblem: "crime" },
  { id: "adult_mental_health_low_level", label: "Low-level adult mental health (e.g. anxiety or depression)", headlineProblem: "health" },
  { id: "adult_mental_health_other", label: "Other adult mental health", headlineProblem: "health" },
  { id: "perinatal_mental_health", label: "Perinatal or postnatal mental health", headlineProblem: "health" },
  { id: "adult_substance_misuse", label: "Adult substance misuse", headlineProblem: "substance_use" },
  { id: "child_substance_misuse", label: "Child substance misuse", headlineProblem: "substance_use" },
  { id: "adult_physical_health", label: "Adult physical health condition", headlineProblem: "health" },
  { id: "child_physical_health", label: "Child physical health condition", headlineProblem: "health" },
  { id: "adult_learning_disability", label: "Adult learning disability", headlineProblem: "health" },
  { id: "not_registered_gp_dentist", label: "Not registered with a GP or dentist", headlineProblem: "health" },
];

export const OUTCOME_MEASURES: readonly OutcomeMeasureEntry[] = [
  { id: "offences_halved", headlineProblem: "crime", label: "Recorded offences by the family down 50% on the previous 6 months" },
  { id: "asb_reduced", headlineProblem: "crime", label: "Anti-social behaviour incidents by the family down 60% on the previous 6 months" },
  { id: "siblings_no_offending", headlineProblem: "crime", label: "No siblings of young offenders in anti-social behaviour or crime in the previous 6 months" },
  { id: "attendance_90", headlineProblem: "education", label: "Each school-age child attended at least 90% of sessions over the last three terms" },
  { id: "exclusions_under_3", headlineProblem: "education", label: "Each school-age child had fewer than three fixed-term exclusions in the last three terms" },
  { id: "alternative_schooling", headlineProblem: "education", label: "Child engaging with alternative schooling" },
  { id: "early_years_place_taken", headlineProblem: "children_need_help", label: "Eligible family taking up the 2 and 3 year old nursery offer" },
  { id: "safeguarding_step_down", headlineProblem: "children_need_help", label: "Safeguarding plan stepped down with no re-referral within 6 months" },
  { id: "good_progress_school", headlineProblem: "children_need_help", label: "Children making good progress at school or in early years development" },
  { id: "parenting_support", headlineProblem: "children_need_help", label: "Parents attending a parenting course or 1-2-1 parenting support" },
  { id: "community_activity", headlineProblem: "children_need_help", label: "Family taking part in a wider range of community activity" },
  { id: "keep_safe_work", headlineProblem: "children_need_help", label: "Keep-safe work undertaken by a family member" },
  { id: "job_sustained", headlineProblem: "worklessness", label: "Adult or young person secured and kept a job" },
  { id: "progress_to_work", headlineProblem: "worklessness", label: "Progress to work through volunteering, apprenticeship, traineeship or learning" },
  { id: "qualification_achieved", headlineProblem: "worklessness", label: "Qualification or milestone towards continuous paid work achieved" },
  { id: "debt_reduced", headlineProblem: "worklessness", label: "Reduced debt or risk of financial exclusion; eligible benefits taken up" },
  { id: "domestic_abuse_reduced", headlineProblem: "domestic_abuse", label: "Reduction in domestic abuse within the family for at least 6 months" },
  { id: "domestic_abuse_support", headlineProblem: "domestic_abuse", label: "Family engaged with domestic abuse support; risk reduced at exit" },
  { id: "perpetrator_programme", headlineProblem: "domestic_abuse", label: "Perpetrator engaged with and completed a perpetrator programme" },
  { id: "registered_gp", headlineProblem: "health", label: "Family registered with a local GP" },
  { id: "registered_dentist", headlineProblem: "health", label: "Family registered with a dentist with a check-up in the last 12 months" },
  { id: "immunisations", headlineProblem: "health", label: "Children have age-appropriate immunisations" },
  { id: "smoking_cessation", headlineProblem: "health", label: "Family member engaged with smoking cessation and progressing" },
  { id: "substance_treatment", headlineProblem: "health", label: "Family member engaged with drug or alcohol treatment and progressing" },
  { id: "healthy_weight", headlineProblem: "health", label: "Family member engaged with a healthy weight programme and progressing" },
  { id: "antenatal_care", headlineProblem: "health", label: "Pregnant woman under midwife care with an ante-natal health visitor assessment" },
  { id: "two_year_check", headlineProblem: "health", label: "Children aged 2½ have had an ages and stages health assessment" },
  { id: "mental_health_support", headlineProblem: "health", label: "Family member engaged with support to improve mental health and wellbeing" },
  { id: "health_condition_support", headlineProblem: "health", label: "Family member with another health condition engaging with support or treatment" },
  { id: "ehcp_progressing", headlineProblem: "health", label: "Education health and care plan implemented or referral progressing" },
  { id: "professional_support", headlineProblem: "health", label: "Receiving appropriate professional support within 6 months" },
];

export const OUTCOME_MEASURE_IDS: readonly string[] = OUTCOME_MEASURES.map((m) => m.id);
