namespace Firewall.Cli.Simulation;

/// <summary>The API will not take this token (401, 403, or no token from the token endpoint): no point sending more.</summary>
internal sealed class TokenRefusedException(string message) : Exception(message);
