using System.Text.Json.Serialization;
using Firewall.Core.Events;

namespace Firewall.Core.Serialization;

/// <summary>
/// Source-generated metadata for the types read on every ingest, so their contracts are not built by reflection. Only
/// metadata: the dialect (converters, strictness) stays <see cref="FirewallJson"/>'s, applied when the options use it.
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(EventInput))]
internal sealed partial class FirewallJsonContext : JsonSerializerContext;
