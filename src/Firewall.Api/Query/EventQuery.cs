using Firewall.Storage.Reading;

namespace Firewall.Api.Query;

/// <summary>
/// A parsed, validated <c>GET /api/v1/events</c>. <see cref="Binding"/> hashes the filters as the client gave them
/// (cursors are bound to it); <see cref="CacheKey"/> adds the window, the page size, the position and the fields.
/// </summary>
internal sealed record EventQuery(EventFilter Filter, int Limit, Keyset? After, PageFields Fields, byte[] Binding, string CacheKey);
