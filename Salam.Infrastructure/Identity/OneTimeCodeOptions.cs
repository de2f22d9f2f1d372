namespace Salam.Infrastructure.Identity;

/// <summary>Limits of resident sign-in codes (section "SignIn" of the configuration).</summary>
public sealed class OneTimeCodeOptions
{
    public const string Section = "SignIn";

    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(2);
    public int MaxAttempts { get; set; } = 5;

    /// <summary>How many codes one number may be sent within <see cref="NumberWindow"/>; protects people from SMS floods.</summary>
    public int CodesPerNumber { get; set; } = 3;
    public TimeSpan NumberWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Sign-in posts one client address may make per minute, past which it gets HTTP 429.</summary>
    public int RequestsPerClientPerMinute { get; set; } = 20;
}
