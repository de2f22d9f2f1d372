namespace Salam.Infrastructure.Notifications.Email;

/// <summary>Notifications:Email:Smtp: the relay staff e-mail goes through, and the address it comes from.</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    /// <summary>TLS from the first byte on port 465, STARTTLS (required) on any other; false sends in the clear (a local relay only).</summary>
    public bool UseTls { get; set; } = true;
    /// <summary>Empty: the relay takes mail without signing in.</summary>
    public string User { get; set; } = "";
    public string Password { get; set; } = "";
    public string From { get; set; } = "";
    public double TimeoutSeconds { get; set; } = 30;

    public string? Problem() =>
        string.IsNullOrWhiteSpace(Host) ? "Notifications:Email:Smtp:Host is required"
        : Port is < 1 or > 65535 ? "Notifications:Email:Smtp:Port must be within 1..65535"
        : !MimeKit.MailboxAddress.TryParse(From, out _) ? "Notifications:Email:Smtp:From must be an e-mail address"
        : TimeoutSeconds is < 0.1 or > 300 ? "Notifications:Email:Smtp:TimeoutSeconds must be within 0.1..300"
        : null;
}
