using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Domain.People;
using Salam.Infrastructure.Identity;
using Salam.Infrastructure.Persistence.Seeding;
using Salam.Testing;

namespace Salam.Infrastructure.Tests;

/// <summary>Accounts are made through Identity's UserManager on a real database, with the rules the app registers.</summary>
public sealed class PasswordRulesTests : IAsyncLifetime
{
    private TestApp _app = default!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(seedDemoData: false);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<IdentityResult> CreateAsync(string userName, string password)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.CreateAsync(new ApplicationUser { UserName = userName, FullName = userName, Role = Role.Admin }, password);
    }

    private async Task AssertRefusedAsync(string userName, string password, string code)
    {
        var result = await CreateAsync(userName, password);
        Assert.False(result.Succeeded);
        Assert.Contains(code, result.Errors.Select(e => e.Code));
        Assert.False(await _app.ReadAsync(db => db.Users.AnyAsync(u => u.UserName == userName)));
        Assert.False(await _app.ReadAsync(db => db.AuditEvents.AnyAsync()));
    }

    [Theory]
    [InlineData("correct horse battery")]         // a passphrase of plain lowercase words: no composition rule
    [InlineData("abcdefghijkq")]                  // exactly twelve characters
    [InlineData("گل‌های‌حیاط‌پشتی")]                 // Persian letters count one each
    public async Task A_long_uncommon_password_without_digits_or_symbols_is_accepted(string password)
    {
        var result = await CreateAsync("mina.k", password);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        Assert.True(await _app.ReadAsync(db => db.Users.AnyAsync(u => u.UserName == "mina.k")));
    }

    [Fact]
    public async Task A_password_of_eleven_characters_is_refused() => await AssertRefusedAsync("mina.k", "abcdefghijk", "Password.TooShort");

    [Fact]
    public async Task A_password_of_129_characters_is_refused_and_128_accepted()
    {
        await AssertRefusedAsync("mina.k", new string('x', 120) + "qwertyuio", "Password.TooLong");
        Assert.True((await CreateAsync("mina.k", new string('x', 119) + "qwertyuio")).Succeeded);
    }

    [Fact]
    public async Task A_password_equal_to_the_user_name_in_any_case_is_refused() =>
        await AssertRefusedAsync("reza.mohammadi", "REZA.Mohammadi", "Password.ContainsUserName");

    [Fact]
    public async Task A_password_containing_the_user_name_is_refused() =>
        await AssertRefusedAsync("reza.mohammadi", "my Reza.Mohammadi password", "Password.ContainsUserName");

    [Theory]
    [InlineData("password1234")]
    [InlineData("QAZWSXedcRFV")]     // case does not hide a common password
    [InlineData("leavemealone")]
    public async Task A_common_password_is_refused(string password) => await AssertRefusedAsync("mina.k", password, "Password.Common");

    [Fact]
    public void The_shipped_list_holds_the_common_passwords_of_eight_characters_or_more()
    {
        Assert.Equal(17_951, Identity.CommonPasswords.CommonPasswordList.Count); // 17,950 from the list plus the demo password
        Assert.True(Identity.CommonPasswords.CommonPasswordList.Contains("baseball"));
    }

    [Fact]
    public void The_demo_password_the_readme_publishes_is_refused_even_with_a_shorter_minimum()
    {
        var rules = new PasswordRules(new PasswordRuleOptions { MinimumLength = 8 }.Checked());

        var result = rules.Check("someone", DemoDataSeeder.DemoPassword);

        Assert.Equal(["Password.Common"], result.Errors.Select(e => e.Code));
    }

    [Fact]
    public void The_minimum_is_configurable_but_never_below_eight()
    {
        Assert.True(new PasswordRules(new PasswordRuleOptions { MinimumLength = 8 }).Check("mina.k", "zebrafin").Succeeded);
        Assert.Throws<InvalidOperationException>(() => new PasswordRuleOptions { MinimumLength = 7 }.Checked());
    }

    [Fact]
    public async Task The_minimum_is_read_from_configuration()
    {
        await using var app = await TestApp.StartAsync(seedDemoData: false, settings: new Dictionary<string, string?> { ["Identity:Password:MinimumLength"] = "16" });
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        var result = await users.CreateAsync(new ApplicationUser { UserName = "mina.k", Role = Role.Admin }, "fifteen letters");

        Assert.Equal(["Password.TooShort"], result.Errors.Select(e => e.Code));
    }

    [Fact]
    public async Task Refusals_are_told_in_persian_and_in_english_and_only_once()
    {
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("fa-IR");
            var persian = await CreateAsync("mina.k", "short");
            Assert.Equal(["گذرواژه دست‌کم ۱۲ نویسه باشد."], persian.Errors.Select(e => e.Description));

            CultureInfo.CurrentUICulture = new CultureInfo("en");
            var english = await CreateAsync("mina.k", "short");
            Assert.Equal(["The password must be at least 12 characters long."], english.Errors.Select(e => e.Description));

            var duplicate = await CreateAsync("mina.k", "another fine passphrase");
            Assert.True(duplicate.Succeeded);
            Assert.Equal(["The user name “mina.k” is already taken."], (await CreateAsync("mina.k", "another fine passphrase")).Errors.Select(e => e.Description));
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }
}
