// The API's enumerations (docs/API.md), in the order the console shows them.

/** OCSF severities, lowest first; their index is their OCSF number. */
export const severities = ['unknown', 'informational', 'low', 'medium', 'high', 'critical', 'fatal'];

export const eventTypes = [
  'prompt_injection', 'jailbreak', 'pii_leak', 'secret_leak', 'toxic_content', 'data_exfiltration',
  'system_prompt_leak', 'insecure_output', 'excessive_agency', 'model_dos', 'rate_abuse', 'policy_violation', 'other',
];

/** OWASP Top 10 for LLM Applications 2025. */
export const categories = {
  LLM01: 'Prompt Injection',
  LLM02: 'Sensitive Information Disclosure',
  LLM03: 'Supply Chain',
  LLM04: 'Data and Model Poisoning',
  LLM05: 'Improper Output Handling',
  LLM06: 'Excessive Agency',
  LLM07: 'System Prompt Leakage',
  LLM08: 'Vector and Embedding Weaknesses',
  LLM09: 'Misinformation',
  LLM10: 'Unbounded Consumption',
  none: 'none',
};

/** "LLM01 Prompt Injection", or the raw value for anything unknown. */
export function categoryLabel(category) {
  const name = Object.hasOwn(categories, category) ? categories[category] : null;
  return name && name !== category ? `${category} ${name}` : String(category);
}
