using Firewall.Api.Privacy;
using Firewall.Core.Classification;
using Firewall.Core.Events;
using Firewall.Core.Validation;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Firewall.Api.Ingest;

/// <summary>The ingest pipeline's parts: validator, classifier (its rule set and pseudonym key validated at start-up) and the service.</summary>
public static class IngestSetup
{
    public static IHostApplicationBuilder AddFirewallIngest(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IValidator<EventInput>, EventInputValidator>();
        builder.Services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<PrivacyOptions>, PrivacyOptionsValidator>();
        builder.Services.AddSingleton(services => EventClassifier.CreateDefault(services.GetRequiredService<IOptions<PrivacyOptions>>().Value.CreatePseudonymiser()));
        builder.Services.AddSingleton<EventAdmission>();
        builder.Services.AddSingleton<IngestService>();
        return builder;
    }
}
