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
        var now = clock.GetUtcNow();
        var windowStart = now - _options.NumberWindow;
        var recent = await db.OneTimeCodes.CountAsync(c => c.Mobile == mobile.Value && c.CreatedAt > windowStart, cancellationToken);
        if (recent >= _options.CodesPerNumber) return CodeOutcome.TooManyRequests;

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
        if (await db.Residents.AnyAsync(r => r.Mobile == mobile.Value, cancellationToken))
            await sms.SendAsync(mobile.Value, Text.Get("SignIn.SmsText", code), cancellationToken);
        else
            logger.LogInformation("A sign-in code was asked for a number that belongs to no resident; nothing was texted");
        return CodeOutcome.Sent;
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
