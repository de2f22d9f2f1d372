namespace Salam.Infrastructure.Identity;

/// <summary>A sign-in code sent by SMS. Only its hash is kept; it expires, and counts wrong attempts.</summary>
public sealed class OneTimeCode
{
    public int Id { get; set; }
    public string Mobile { get; set; } = "";
    public string CodeHash { get; set; } = "";
    public string? ClientAddress { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public int Attempts { get; set; }
    public bool Consumed { get; set; }
}
