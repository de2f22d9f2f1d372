using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Salam.Application.Common.Interfaces;

namespace Salam.Infrastructure.Notifications.Http;

public static class HttpSmsGatewayRegistration
{
    /// <summary>Registers the HTTP SMS gateway as ISmsGateway from Notifications:Sms:Http (Url, ApiKey, Sender, TimeoutSeconds).</summary>
    public static IServiceCollection AddHttpSmsGateway(this IServiceCollection services, IConfigurationSection section)
    {
        var settings = section.Get<HttpSmsOptions>() ?? new HttpSmsOptions();
        services.AddOptions<HttpSmsOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HttpSmsOptions>, HttpSmsOptionsCheck>();
        services.AddHttpClient(HttpSmsGateway.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler(o => Tune(o, settings.Timeout));
        services.AddSingleton<ISmsGateway, HttpSmsGateway>();
        return services;
    }

    /// <summary>
    /// The standard handler, tuned down for a message that the outbox will try again anyway: each try waits at most the
    /// configured timeout, at most two quick retries (the key makes them safe; 408, 429, 5xx, timeouts and lost connections),
    /// and a breaker that opens only when most tries fail, so a gateway that is down is not hammered by a whole batch.
    /// The outbox's own backoff (1, 2, 4, 8, 16 minutes) does the long waiting, not this call.
    /// </summary>
    internal static void Tune(HttpStandardResilienceOptions options, TimeSpan attempt)
    {
        options.AttemptTimeout.Timeout = attempt;
        options.Retry.MaxRetryAttempts = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        options.TotalRequestTimeout.Timeout = attempt * 3 + TimeSpan.FromSeconds(5);
        options.CircuitBreaker.FailureRatio = 0.8;
        options.CircuitBreaker.MinimumThroughput = 50;
        // The breaker must sample at least two tries' length (the handler's own rule).
        options.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, attempt.Ticks * 2));
        options.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(10);
    }
}

internal sealed class HttpSmsOptionsCheck : IValidateOptions<HttpSmsOptions>
{
    public ValidateOptionsResult Validate(string? name, HttpSmsOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
