using Firewall.Core.Redaction;

namespace Firewall.Core.Tests;

public sealed class RedactorTests
{
    private const string PemBegin = "-----BEGIN ";
    private const string PemEnd = "-----END ";
    private static readonly Redactor Redactor = Redactor.CreateDefault();

    [Theory]
    [InlineData("mail me at jane.doe@example.com today", "mail me at [REDACTED:email] today")]
    [InlineData("cc: a+tag@sub.example.co.uk, b_c@example.org", "cc: [REDACTED:email], [REDACTED:email]")]
    [InlineData("call +14155552671 now", "call [REDACTED:phone] now")]
    [InlineData("call +44 20 7946 0958 now", "call [REDACTED:phone] now")]
    [InlineData("office (415) 555-2671 ext", "office [REDACTED:phone] ext")]
    [InlineData("office 415-555-2671.", "office [REDACTED:phone].")]
    [InlineData("mobile 07700 900123 please", "mobile [REDACTED:phone] please")]
    [InlineData("tel 06 12 34 56 78 svp", "tel [REDACTED:phone] svp")]
    [InlineData("card 4111 1111 1111 1111 exp", "card [REDACTED:card] exp")]
    [InlineData("card 4111-1111-1111-1111", "card [REDACTED:card]")]
    [InlineData("amex 378282246310005", "amex [REDACTED:card]")]
    [InlineData("mc 5555555555554444.", "mc [REDACTED:card].")]
    [InlineData("pay to GB82 WEST 1234 5698 7654 32 now", "pay to [REDACTED:iban] now")]
    [InlineData("pay to DE89370400440532013000", "pay to [REDACTED:iban]")]
    [InlineData("pay to FR14 2004 1010 0505 0001 3M02 606.", "pay to [REDACTED:iban].")]
    [InlineData("ssn 078-05-1120 on file", "ssn [REDACTED:ssn] on file")]
    [InlineData("ssn 123 45 6789", "ssn [REDACTED:ssn]")]
    [InlineData("NI number AB123456C.", "NI number [REDACTED:national_id].")]
    [InlineData("NI number AB 12 34 56 C", "NI number [REDACTED:national_id]")]
    public void PersonalDataIsMaskedByKind(string text, string expected) => Assert.Equal(expected, Redactor.Redact(text).Text);

    [Theory]
    [InlineData("key AKIAIOSFODNN7EXAMPLE in env", "key [REDACTED:aws_access_key] in env")]
    [InlineData("session ASIAY34FZKBOKMUTVV7A", "session [REDACTED:aws_access_key]")]
    [InlineData("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws_secret_access_key = [REDACTED:aws_secret_key]")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4==;EndpointSuffix=core.windows.net",
        "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=[REDACTED:azure_key];EndpointSuffix=core.windows.net")]
    [InlineData("token ghp_0123456789abcdefghijABCDEFGHIJ012345 ok", "token [REDACTED:api_key] ok")]
    [InlineData("github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz", "[REDACTED:api_key]")]
    [InlineData("slack xoxb-123456789012-abcdefghij", "slack [REDACTED:api_key]")]
    [InlineData("stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc", "stripe [REDACTED:api_key]")]
    [InlineData("openai sk-proj-abcdefghijklmnopqrstuvwxyz012345", "openai [REDACTED:api_key]")]
    [InlineData("google AIzaSyA-1234567890abcdefghijklmnopqrstu here", "google [REDACTED:api_key] here")]
    [InlineData("jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk end", "jwt [REDACTED:jwt] end")]
    [InlineData("Authorization: Bearer abcdefghijklmnopqrstuvwxyz0123", "Authorization: Bearer [REDACTED:bearer_token]")]
    [InlineData("postgres://app:s3cr3t!@db.internal:5432/events", "postgres://app:[REDACTED:password]@db.internal:5432/events")]
    [InlineData("Server=db;User Id=app;Password=hunter22;Database=x", "Server=db;User Id=app;Password=[REDACTED:password];Database=x")]
    [InlineData("password: \"correct-horse\"", "password: \"[REDACTED:password]\"")]
    [InlineData("\"private_key_id\": \"0123456789abcdef0123456789abcdef01234567\"", "\"private_key_id\": \"[REDACTED:gcp_private_key_id]\"")]
    public void SecretsAreMaskedByKind(string text, string expected) => Assert.Equal(expected, Redactor.Redact(text).Text);

    [Theory]
    [InlineData("card 4111 1111 1111 1112 fails Luhn")]
    [InlineData("order 1234567890123456 is an id")]
    [InlineData("agent tail-a4111111111111111f is a hex id, not a card")]
    [InlineData("host4111111111111111 glues letters to Luhn-valid digits")]
    [InlineData("pay to GB82 WEST 1234 5698 7654 33 (bad checksum)")]
    [InlineData("pay to XX82WEST12345698765432 (no such country)")]
    [InlineData("ssn 000-12-3456 has area zero")]
    [InlineData("ssn 666-12-3456 has area 666")]
    [InlineData("ssn 912-12-3456 has area 9xx")]
    [InlineData("ssn 123-00-4567 has group zero")]
    [InlineData("ssn 123-45-0000 has serial zero")]
    [InlineData("ssn 123-45 6789 mixes separators")]
    [InlineData("released 2026-11-22 at 17:03")]
    [InlineData("version 10.0.401.1 of the SDK")]
    [InlineData("build 1.2.3-beta.4 shipped")]
    [InlineData("ip 203.0.113.7 blocked")]
    [InlineData("key AKIAIOSFODNN7 is truncated")]
    [InlineData("sk-short is not a key")]
    [InlineData("the ghp_ prefix alone")]
    [InlineData("an at sign @ alone and user@localhost")]
    [InlineData("NI number QQ123456C is a specimen prefix")]
    [InlineData("https://example.com/path?x=1 has no credentials")]
    [InlineData("the password is strong, they said")]
    [InlineData("bearer of bad news")]
    [InlineData("12345 67890 12345 67890 12345")]
    public void NearMissesAreLeftAlone(string text)
    {
        var result = Redactor.Redact(text);

        Assert.Equal(text, result.Text);
        Assert.Equal(0, result.Redactions);
    }

    [Fact]
    public void APemPrivateKeyBlockIsMaskedWhole()
    {
        var pem = PemBegin + "RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA0Z3VS5JJcds3xfn\n" + PemEnd + "RSA PRIVATE KEY-----";

        Assert.Equal("before [REDACTED:private_key] after", Redactor.Redact($"before {pem} after").Text);
    }

    [Fact]
    public void AGcpServiceAccountPrivateKeyInJsonIsMasked()
    {
        var json = "{\"private_key\": \"" + PemBegin + "PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\n" + PemEnd + "PRIVATE KEY-----\\n\"}";

        Assert.Equal("{\"private_key\": \"[REDACTED:private_key]\\n\"}", Redactor.Redact(json).Text);
    }

    [Fact]
    public void ABearerJwtIsOneSpanNamedAfterTheMoreSpecificRule()
    {
        var result = Redactor.Redact("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk");

        Assert.Equal("Bearer [REDACTED:jwt]", result.Text);
        Assert.Equal(1, result.Redactions);
        Assert.Equal(2, result.Findings.Count);
    }

    [Fact]
    public void OverlappingSecretAndPersonalDataAreMergedAndTheSecretNamesTheSpan()
    {
        var result = Redactor.Redact("password=jane@example.com");

        Assert.Equal("password=[REDACTED:password]", result.Text);
        Assert.Equal(1, result.Redactions);
        Assert.Equal(2, result.Findings.Count);
    }

    [Fact]
    public void EverySeparateSpanIsCounted()
    {
        var result = Redactor.Redact("a@example.com, b@example.com and AKIAIOSFODNN7EXAMPLE");

        Assert.Equal("[REDACTED:email], [REDACTED:email] and [REDACTED:aws_access_key]", result.Text);
        Assert.Equal(3, result.Redactions);
        Assert.Contains(result.Findings, f => f.Rule == "pii.email" && f.Count == 2);
    }

    [Fact]
    public void TextWithoutSensitiveDataIsReturnedAsIs()
    {
        const string text = "Ignore the noise in the recording.";

        Assert.Same(text, Redactor.Redact(text).Text);
    }
}
