using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Salam.Testing;
using Salam.Web.Localization;

namespace Salam.Web.Tests;

/// <summary>MudBlazor's own words (the clear button of a field, a pager's arrows) come in the page's language.</summary>
public sealed class MudTextsTests(SalamWebFactory app) : ComponentTest, IClassFixture<SalamWebFactory>
{
    [Fact]
    public void The_app_gives_mudblazor_salams_translations()
    {
        using var scope = app.Services.CreateScope();
        var localizer = scope.ServiceProvider.GetRequiredService<MudLocalizer>();
        Use(Cultures.Persian);
        Assert.Equal("پاک کردن", localizer["MudInput_Clear"].Value);
        Assert.True(localizer["MudSomething_Unknown"].ResourceNotFound);
    }

    [Fact]
    public void A_clearable_field_on_a_persian_page_says_clear_in_persian_and_in_english_on_an_english_one()
    {
        Services.AddTransient<MudLocalizer, SalamMudLocalizer>();
        Use(Cultures.Persian);
        var persian = Render<MudTextField<string>>(p => p.Add(f => f.Clearable, true).Add(f => f.Value, "قم"));
        Assert.Equal("پاک کردن", persian.Find(".mud-input-clear-button").GetAttribute("aria-label"));

        Use(Cultures.English);
        var english = Render<MudTextField<string>>(p => p.Add(f => f.Clearable, true).Add(f => f.Value, "Qom"));
        Assert.Equal("Clear", english.Find(".mud-input-clear-button").GetAttribute("aria-label"));
    }
}
