using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Domain.People;
using Salam.Infrastructure.Persistence;

namespace Salam.Infrastructure.Identity;

/// <summary><see cref="Sent"/> is also the answer for a number of no resident, which is texted nothing (see <see cref="OneTimeCodes"/>).</summary>
public enum CodeOutcome { Sent, Verified, InvalidMobile, InvalidCode, Expired, TooManyAttempts, TooManyRequests }

/// <summary>
/// Issues and checks six-digit sign-in codes: valid two minutes, five attempts, a few per number per window. Only a number
/// that belongs to a resident is texted; any other number is answered exactly alike (a code is stored and counts against
/// the limits, so the verify page and the 429 behave the same), but nothing is sent: no SMS cost, and no way to learn who
/// is registered.
/// </summary>
public sealed class OneTimeCodes(SalamDbContext db, ISmsSender sms, TimeProvider clock, IOptions<OneTimeCodeOptions> options, ILogger<OneTimeCodes> logger)
{
    private readonly OneTimeCodeOptions _options = options.Value;

    public async Task<CodeOutcome> SendAsync(string mobileInput, string? clientAddress, CancellationToken cancellationToken)
    {
        if (!MobileNumber.TryParse(mobileInput, out var mobile)) return CodeOutcome.InvalidMobile;
        if (await IssueAsync(mobile, clientAddress, cancellationToken) is not { } code) return CodeOutcome.TooManyRequests;
        if (await IsResidentAsync(mobile, cancellationToken))
            await sms.SendAsync(mobile.Value, Text.Get("SignIn.SmsText", code), cancellationToken);
        else
            logger.LogInformation("A sign-in code was asked for a number that belongs to no resident; nothing was texted");
        return CodeOutcome.Sent;
    }

    /// <summary>
    /// Self-registration: every valid number is texted, with the same limits. A number that already belongs to a resident is
    /// answered on screen exactly alike, but its text says they are registered and that this code signs them in, so only the
    /// holder of the phone learns it (see the registration pages).
    /// </summary>
    public async Task<CodeOutcome> SendForRegistrationAsync(string mobileInput, string? clientAddress, CancellationToken cancellationToken)
    {
        if (!MobileNumber.TryParse(mobileInput, out var mobile)) return CodeOutcome.InvalidMobile;
        if (await IssueAsync(mobile, clientAddress, cancellationToken) is not { } code) return CodeOutcome.TooManyRequests;
        var key = await IsResidentAsync(mobile, cancellationToken) ? "Registration.SmsKnown" : "Registration.SmsText";
        await sms.SendAsync(mobile.Value, Text.Get(key, code), cancellationToken);
        return CodeOutcome.Sent;
    }

    /// <summary>A code to prove a number for another purpose (a resident's new mobile), with the same limits.</summary>
    public async Task<bool> SendVerificationAsync(MobileNumber mobile, string textKey, CancellationToken cancellationToken)
    {
        if (await IssueAsync(mobile, null, cancellationToken) is not { } code) return false;
        await sms.SendAsync(mobile.Value, Text.Get(textKey, code), cancellationToken);
        return true;
    }

    private Task<bool> IsResidentAsync(MobileNumber mobile, CancellationToken cancellationToken) =>
        db.Residents.AnyAsync(r => r.Mobile == mobile.Value, cancellationToken);

    /// <returns>The new code, stored hashed; null when the number has had its codes for the window.</returns>
    private async Task<string?> IssueAsync(MobileNumber mobile, string? clientAddress, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var windowStart = now - _options.NumberWindow;
        var recent = await db.OneTimeCodes.CountAsync(c => c.Mobile == mobile.Value && c.CreatedAt > windowStart, cancellationToken);
        if (recent >= _options.CodesPerNumber) return null;

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        // Only the newest code of a number counts.
        await db.OneTimeCodes.Where(c => c.Mobile == mobile.Value && !c.Consumed)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Consumed, true), cancellationToken);
        db.OneTimeCodes.Add(new OneTimeCode
        {
            Mobile = mobile.Value,
            CodeHash = Hash(mobile.Value, code),
            ClientAddress = clientAddress,
            CreatedAt = now,
            ExpiresAt = now + _options.CodeLifetime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return code;
    }

    public async Task<CodeOutcome> VerifyAsync(string mobileInput, string codeInput, CancellationToken cancellationToken)
    {
        if (!MobileNumber.TryParse(mobileInput, out var mobile)) return CodeOutcome.InvalidMobile;
        var code = Salam.Domain.Common.Digits.ToLatin(codeInput).Trim();
        var pending = await db.OneTimeCodes.AsNoTracking()
            .Where(c => c.Mobile == mobile.Value && !c.Consumed)
            .OrderByDescending(c => c.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (pending is null || pending.ExpiresAt <= clock.GetUtcNow()) return CodeOutcome.Expired;
        if (pending.Attempts >= _options.MaxAttempts) return CodeOutcome.TooManyAttempts;

        // Count the attempt atomically first, so parallel guesses cannot exceed the limit.
        var counted = await db.OneTimeCodes
            .Where(c => c.Id == pending.Id && !c.Consumed && c.Attempts < _options.MaxAttempts)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Attempts, c => c.Attempts + 1), cancellationToken);
        if (counted == 0) return CodeOutcome.TooManyAttempts;

        var expected = Convert.FromHexString(pending.CodeHash);
        var actual = Convert.FromHexString(Hash(mobile.Value, code));
        if (code.Length != 6 || !CryptographicOperations.FixedTimeEquals(expected, actual))
            return pending.Attempts + 1 >= _options.MaxAttempts ? CodeOutcome.TooManyAttempts : CodeOutcome.InvalidCode;

        var consumed = await db.OneTimeCodes.Where(c => c.Id == pending.Id && !c.Consumed)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Consumed, true), cancellationToken);
        return consumed == 1 ? CodeOutcome.Verified : CodeOutcome.Expired;
    }

    private static string Hash(string mobile, string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{mobile}:{code}")));
}
