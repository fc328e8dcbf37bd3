using Firewall.Core.Events;

namespace Firewall.Storage.Reading;

/// <summary>
/// A row of a page: the event, whose <c>Content</c> is only its excerpt when <paramref name="ContentTruncated"/> is true
/// (the whole content is then read by id, or with <see cref="PageFields.Full"/>).
/// </summary>
public sealed record ListedEvent(SecurityEvent Event, bool ContentTruncated);
