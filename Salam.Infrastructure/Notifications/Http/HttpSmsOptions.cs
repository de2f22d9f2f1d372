namespace Salam.Infrastructure.Notifications.Http;

/// <summary>Notifications:Sms:Http: where the SMS gateway is, the key it expects and the sender line messages come from.</summary>
public sealed class HttpSmsOptions
{
    /// <summary>The gateway's send endpoint; every message is one POST to it (docs/SMS_GATEWAY.md).</summary>
    public Uri? Url { get; set; }
    public string ApiKey { get; set; } = "";
    /// <summary>The sender line (the number residents see the message from).</summary>
    public string Sender { get; set; } = "";
    /// <summary>How long one try waits for the gateway's answer; a fraction is allowed (tests use less than a second).</summary>
    public double TimeoutSeconds { get; set; } = 10;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    /// <summary>Why these options cannot work, or null: checked when the app starts, so a typo does not wait for the first message.</summary>
    public string? Problem() =>
        Url is not { IsAbsoluteUri: true } || (Url.Scheme != Uri.UriSchemeHttps && Url.Scheme != Uri.UriSchemeHttp) ? "Notifications:Sms:Http:Url must be an absolute http(s) URL"
        : string.IsNullOrWhiteSpace(ApiKey) ? "Notifications:Sms:Http:ApiKey is required"
        : string.IsNullOrWhiteSpace(Sender) ? "Notifications:Sms:Http:Sender is required"
        : TimeoutSeconds is < 0.05 or > 120 ? "Notifications:Sms:Http:TimeoutSeconds must be within 0.05..120"
        : null;
}
