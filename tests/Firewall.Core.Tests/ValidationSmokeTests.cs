using Firewall.Core.Events;
using Firewall.Core.Validation;

namespace Firewall.Core.Tests;

public sealed class EventInputValidatorTests
{
    private readonly EventInputValidator _validator = new(TimeProvider.System);

    [Fact]
    public void AnEventWithoutTypeNamesTheField()
    {
        var result = _validator.Validate(new EventInput { OccurredAt = DateTimeOffset.UtcNow, Action = EventAction.Blocked });

        Assert.Contains(result.Errors, e => e.PropertyName == "Type");
    }

    [Fact]
    public void AMessageContainingNulIsRejected()
    {
        var result = _validator.Validate(new EventInput
        {
            OccurredAt = DateTimeOffset.UtcNow,
            Type = EventType.Other,
            Action = EventAction.Allowed,
            Message = "a\0b",
        });

        Assert.Contains(result.Errors, e => e.PropertyName == "Message");
    }
}
