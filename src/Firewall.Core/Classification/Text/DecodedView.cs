namespace Firewall.Core.Classification.Text;

/// <summary>
/// One decoded view of a text: <see cref="Text"/> is normalised (<see cref="TextNormaliser"/>) like the text itself.
/// <see cref="Kind"/> is the layer undone; <see cref="Within"/> the layer it was found inside (base64 of hex: Kind Hex,
/// Within Base64), or <see cref="DecodingKind.None"/> when it was found in the text itself.
/// </summary>
public sealed record DecodedView(DecodingKind Kind, DecodingKind Within, string Text);
