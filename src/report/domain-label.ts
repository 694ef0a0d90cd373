import type { StarDomain } from '../cohort/types.js';

const LABELS: Record<StarDomain, string> = {
  home_and_money: 'Home and money',
  keeping_children_safe: 'Keeping your children safe',
  boundaries_and_behaviour: 'Boundaries and behaviour',
  family_routine: 'Family routine',
  physical_health: 'Physical health',
  adult_wellbeing: 'Your well-being',
  social_networks: 'Social networks',
  emotional_needs: 'Meeting emotional needs',
  education_and_learning: 'Education and learning',
  progress_to_work: 'Progress to work',
};

/**
 * The Family Star Plus name of a domain (Burns and MacKeith 2013), or the id with
 * underscores as spaces for an id the contract does not list. Cost: O(1).
 * @example domainLabel('adult_wellbeing') // 'Your well-being'
 */
export function domainLabel(id: string): string {
  return (LABELS as Record<string, string>)[id] ?? id.replace(/_/g, ' ');
}
