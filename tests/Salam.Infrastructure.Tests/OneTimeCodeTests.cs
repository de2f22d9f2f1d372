using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Domain.Geography;
using Salam.Domain.People;
using Salam.Infrastructure.Identity;
using Salam.Infrastructure.Sms;
using Salam.Testing;

namespace Salam.Infrastructure.Tests;

public sealed partial class OneTimeCodeTests : IAsyncLifetime
{
    private TestApp _app = default!;

    // Codes are texted only to residents' numbers: these are registered in a neighbourhood of their own.
    private static readonly string[] Registered = [.. Enumerable.Range(1, 6).Select(i => $"0912555000{i}")];

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(seedDemoData: false);
        await _app.ReadAsync(async db =>
        {
            var province = new Province("99", "آزمون", "Test");
            db.Provinces.Add(province);
            await db.SaveChangesAsync();
            var county = new County(province.Id, "C-" + Guid.NewGuid().ToString("N")[..12], "آزمون", "Test");
            db.Counties.Add(county);
            await db.SaveChangesAsync();
            var neighbourhood = new Neighbourhood(county.Id, "N-" + Guid.NewGuid().ToString("N")[..12], "آزمون", "Test");
            db.Neighbourhoods.Add(neighbourhood);
            await db.SaveChangesAsync();
            db.Residents.AddRange(Registered.Select(m => new Resident(neighbourhood.Id, "ساکن آزمون", MobileNumber.Parse(m), null, _app.Clock.GetUtcNow())));
            return await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<CodeOutcome> SendAsync(string mobile)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OneTimeCodes>().SendAsync(mobile, "127.0.0.1", CancellationToken.None);
    }

    private async Task<CodeOutcome> VerifyAsync(string mobile, string code)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OneTimeCodes>().VerifyAsync(mobile, code, CancellationToken.None);
    }

    private string LastCodeTo(string mobile) =>
        SixDigits().Match(_app.Services.GetRequiredService<DevelopmentSmsSender>().LastTextTo(mobile)!).Value;

    [Fact]
    public async Task A_number_of_no_resident_is_answered_like_a_resident_but_texted_nothing()
    {
        var sms = _app.Services.GetRequiredService<DevelopmentSmsSender>();
        var sentBefore = sms.Recent().Count;

        Assert.Equal(CodeOutcome.Sent, await SendAsync("09359990001"));

        Assert.Null(sms.LastTextTo("09359990001"));
        Assert.Equal(sentBefore, sms.Recent().Count);
        // A code is stored all the same, so the number's limits and the verify page behave exactly as for a resident.
        Assert.Equal(1, await _app.ReadAsync(db => db.OneTimeCodes.CountAsync(c => c.Mobile == "09359990001")));
        Assert.Equal(CodeOutcome.InvalidCode, await VerifyAsync("09359990001", "123456"));
        for (var i = 0; i < 2; i++) Assert.Equal(CodeOutcome.Sent, await SendAsync("09359990001"));
        Assert.Equal(CodeOutcome.TooManyRequests, await SendAsync("09359990001"));
    }

    [Fact]
    public async Task A_six_digit_code_is_sent_signs_in_once_and_only_its_hash_is_stored()
    {
        Assert.Equal(CodeOutcome.Sent, await SendAsync("۰۹۱۲۵۵۵۰۰۰۱"));
        var code = LastCodeTo("09125550001");
        Assert.Matches("^[0-9]{6}$", code);
        Assert.False(await _app.ReadAsync(db => db.OneTimeCodes.AnyAsync(c => c.CodeHash.Contains(code))));

        Assert.Equal(CodeOutcome.Verified, await VerifyAsync("09125550001", code));
        Assert.Equal(CodeOutcome.Expired, await VerifyAsync("09125550001", code));
    }

    [Fact]
    public async Task A_code_expires_after_two_minutes()
    {
        await SendAsync("09125550002");
        var code = LastCodeTo("09125550002");
        _app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(CodeOutcome.Expired, await VerifyAsync("09125550002", code));
    }

    [Fact]
    public async Task After_five_wrong_attempts_even_the_right_code_is_refused()
    {
        await SendAsync("09125550003");
        var code = LastCodeTo("09125550003");
        var wrong = code == "000000" ? "111111" : "000000";
        for (var i = 1; i <= 4; i++) Assert.Equal(CodeOutcome.InvalidCode, await VerifyAsync("09125550003", wrong));
        Assert.Equal(CodeOutcome.TooManyAttempts, await VerifyAsync("09125550003", wrong));
        Assert.Equal(CodeOutcome.TooManyAttempts, await VerifyAsync("09125550003", code));
    }

    [Fact]
    public async Task Parallel_wrong_guesses_cannot_exceed_five_attempts()
    {
        await SendAsync("09125550006");
        var code = LastCodeTo("09125550006");
        var wrong = code == "000000" ? "111111" : "000000";
        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => VerifyAsync("09125550006", wrong)));
        Assert.Equal(5, await _app.ReadAsync(db => db.OneTimeCodes.Where(c => c.Mobile == "09125550006").Select(c => c.Attempts).SingleAsync()));
    }

    [Fact]
    public async Task Only_the_newest_code_of_a_number_counts()
    {
        await SendAsync("09125550004");
        var first = LastCodeTo("09125550004");
        await SendAsync("09125550004");
        var second = LastCodeTo("09125550004");
        if (first != second) Assert.Equal(CodeOutcome.InvalidCode, await VerifyAsync("09125550004", first));
        Assert.Equal(CodeOutcome.Verified, await VerifyAsync("09125550004", second));
    }

    [Fact]
    public async Task One_number_gets_at_most_three_codes_in_ten_minutes()
    {
        for (var i = 0; i < 3; i++) Assert.Equal(CodeOutcome.Sent, await SendAsync("09125550005"));
        var stored = await _app.ReadAsync(db => db.OneTimeCodes.CountAsync());
        Assert.Equal(CodeOutcome.TooManyRequests, await SendAsync("09125550005"));
        Assert.Equal(stored, await _app.ReadAsync(db => db.OneTimeCodes.CountAsync()));

        _app.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(CodeOutcome.Sent, await SendAsync("09125550005"));
    }

    [Theory]
    [InlineData("0212345678")]
    [InlineData("not a number")]
    public async Task A_malformed_number_gets_no_code_and_nothing_is_written(string mobile)
    {
        var stored = await _app.ReadAsync(db => db.OneTimeCodes.CountAsync());
        Assert.Equal(CodeOutcome.InvalidMobile, await SendAsync(mobile));
        Assert.Equal(stored, await _app.ReadAsync(db => db.OneTimeCodes.CountAsync()));
    }

    [GeneratedRegex("[0-9]{6}")]
    private static partial Regex SixDigits();
}
