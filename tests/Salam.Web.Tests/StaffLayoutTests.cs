using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Salam.Web.Components.Layout;
using Salam.Web.Localization;

namespace Salam.Web.Tests;

/// <summary>The staff layout for keyboards and phones: a labelled menu button, a skip link to the main landmark, one current link.</summary>
public sealed class StaffLayoutTests : ComponentTest
{
    public StaffLayoutTests()
    {
        Use(Cultures.Persian);
        AddAuthorization().SetAuthorized("مدیر دستگاه").SetRoles("AgencyManager").SetClaims(
            new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, "AgencyManager"),
            new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.GivenName, "مدیر دستگاه"));
        // The staff layout holds its body back until the page is live (WhenLive): render it as a live page.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private IRenderedComponent<MainLayout> RenderLayout() =>
        Render<MainLayout>(p => p.Add(l => l.Body, builder => builder.AddMarkupContent(0, "<p id='body'>…</p>")));

    [Fact]
    public void The_menu_button_is_labelled_and_opens_and_closes_the_menu_saying_so()
    {
        var layout = RenderLayout();
        var button = () => layout.Find("button.salam-menu-button");
        Assert.Equal("منوی اصلی", button().GetAttribute("aria-label"));
        Assert.Equal("salam-menu", button().GetAttribute("aria-controls"));
        Assert.Equal("salam-menu", layout.Find(".salam-drawer").Id);
        // bUnit's viewport reports no width, as a phone would be treated: the menu starts closed and says so.
        layout.WaitForAssertion(() => Assert.Equal("false", button().GetAttribute("aria-expanded")));
        Assert.Contains("mud-drawer--closed", layout.Find(".salam-drawer").ClassName);

        button().Click();
        layout.WaitForAssertion(() => Assert.Equal("true", button().GetAttribute("aria-expanded")));
        Assert.Contains("mud-drawer--open", layout.Find(".salam-drawer").ClassName);

        button().Click();
        layout.WaitForAssertion(() => Assert.Equal("false", button().GetAttribute("aria-expanded")));
        Assert.Contains("mud-drawer--closed", layout.Find(".salam-drawer").ClassName);
    }

    [Fact]
    public void The_first_link_skips_to_the_main_landmark_that_holds_the_page()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/agency/duties");
        var layout = RenderLayout();

        var skip = layout.Find("a");
        Assert.Contains("salam-skip", skip.ClassName);
        Assert.Equal("رفتن به محتوای اصلی", skip.TextContent.Trim());
        Assert.EndsWith("/agency/duties#main", skip.GetAttribute("href"));
        var main = layout.Find("main#main");
        Assert.Equal("-1", main.GetAttribute("tabindex"));
        Assert.NotNull(main.QuerySelector("#body"));
        Assert.Single(layout.FindAll("main"));
    }

    [Theory]
    [InlineData("/agency", "/agency")]
    [InlineData("/agency/duties", "/agency/duties")]
    [InlineData("/duties/7", null)]
    public void At_most_one_navigation_link_is_current(string address, string? current)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        var menu = Render<NavMenu>(p => p.Add(m => m.Role, "AgencyManager"));

        var marked = menu.FindAll("a[aria-current='page']").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(current is null ? [] : [current], marked);
    }

    [Fact]
    public void The_jobs_dashboard_link_says_it_is_in_english()
    {
        var menu = Render<NavMenu>(p => p.Add(m => m.Role, "Admin"));
        var jobs = menu.Find("a[href='/jobs']");
        Assert.Equal("en", jobs.GetAttribute("hreflang"));
        Assert.Contains("(به انگلیسی)", jobs.TextContent);
    }
}
