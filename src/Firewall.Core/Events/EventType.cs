namespace Firewall.Core.Events;

/// <summary>What the agent saw. On the wire in snake_case.</summary>
public enum EventType
{
    PromptInjection = 1,
    Jailbreak = 2,
    PiiLeak = 3,
    SecretLeak = 4,
    ToxicContent = 5,
    DataExfiltration = 6,
    SystemPromptLeak = 7,
    InsecureOutput = 8,
    ExcessiveAgency = 9,
    ModelDos = 10,
    RateAbuse = 11,
    PolicyViolation = 12,
    Other = 13,
}
