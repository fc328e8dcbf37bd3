using System.Text.Json.Serialization;

namespace Firewall.Core.Events;

/// <summary>OWASP Top 10 for LLM Applications 2025, assigned by classification.</summary>
public enum OwaspCategory
{
    [JsonStringEnumMemberName("none")] None = 0,
    /// <summary>Prompt Injection.</summary>
    [JsonStringEnumMemberName("LLM01")] Llm01 = 1,
    /// <summary>Sensitive Information Disclosure.</summary>
    [JsonStringEnumMemberName("LLM02")] Llm02 = 2,
    /// <summary>Supply Chain.</summary>
    [JsonStringEnumMemberName("LLM03")] Llm03 = 3,
    /// <summary>Data and Model Poisoning.</summary>
    [JsonStringEnumMemberName("LLM04")] Llm04 = 4,
    /// <summary>Improper Output Handling.</summary>
    [JsonStringEnumMemberName("LLM05")] Llm05 = 5,
    /// <summary>Excessive Agency.</summary>
    [JsonStringEnumMemberName("LLM06")] Llm06 = 6,
    /// <summary>System Prompt Leakage.</summary>
    [JsonStringEnumMemberName("LLM07")] Llm07 = 7,
    /// <summary>Vector and Embedding Weaknesses.</summary>
    [JsonStringEnumMemberName("LLM08")] Llm08 = 8,
    /// <summary>Misinformation.</summary>
    [JsonStringEnumMemberName("LLM09")] Llm09 = 9,
    /// <summary>Unbounded Consumption.</summary>
    [JsonStringEnumMemberName("LLM10")] Llm10 = 10,
}
