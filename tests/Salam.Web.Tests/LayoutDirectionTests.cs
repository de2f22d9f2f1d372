using Bunit;
using Salam.Web.Components.Layout;
using Salam.Web.Localization;

namespace Salam.Web.Tests;

/// <summary>The real layout, rendered by bUnit: right-to-left in Persian, left-to-right in English.</summary>
public sealed class LayoutDirectionTests : ComponentTest
{
    public LayoutDirectionTests()
    {
        AddAuthorization().SetAuthorized("کارشناس ستاد ملی").SetRoles("MinistryStaff").SetClaims(
            new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, "MinistryStaff"),
            new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.GivenName, "کارشناس ستاد ملی"));
        // The staff layout holds its body back until the page is live (WhenLive): render it as a live page.
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    private IRenderedComponent<MainLayout> RenderIn(string culture)
    {
        Use(culture);
        return Render<MainLayout>(p => p.Add(l => l.Body, builder => builder.AddMarkupContent(0, "<p id='body'>…</p>")));
    }

    [Fact]
    public void In_persian_the_layout_is_right_to_left_with_persian_labels()
    {
        var layout = RenderIn(Cultures.Persian);

        layout.WaitForAssertion(() => Assert.Equal("rtl", layout.Find(".mud-rtl-provider").GetAttribute("dir")));
        Assert.Contains("mud-application-layout-rtl", layout.Find(".mud-rtl-provider").ClassName);
        Assert.Contains("سلام محله", layout.Find(".salam-brand").TextContent);
        Assert.Contains("ستاد ملی", layout.Find(".salam-user").TextContent);
        Assert.Equal("English", layout.Find("form[action='/culture'] button").TextContent.Trim());
        Assert.NotNull(layout.Find("#body"));
    }

    [Fact]
    public void In_english_the_layout_is_left_to_right_with_english_labels()
    {
        var layout = RenderIn(Cultures.English);

        // Left-to-right is the browser's default: the provider drops the rtl direction and class (the page's <html dir> says ltr).
        layout.WaitForAssertion(() => Assert.NotEqual("rtl", layout.Find(".mud-rtl-provider").GetAttribute("dir")));
        Assert.DoesNotContain("mud-application-layout-rtl", layout.Find(".mud-rtl-provider").ClassName);
        Assert.Contains("Salam Mahalleh", layout.Find(".salam-brand").TextContent);
        Assert.Contains("Ministry staff", layout.Find(".salam-user").TextContent);
        Assert.Equal("فارسی", layout.Find("form[action='/culture'] button").TextContent.Trim());
    }

    [Fact]
    public void Ministry_staff_get_the_national_dashboard_in_their_navigation()
    {
        var layout = RenderIn(Cultures.Persian);
        Assert.Contains(layout.FindAll("a.mud-nav-link"), a => a.GetAttribute("href") == "/national");
        Assert.DoesNotContain(layout.FindAll("a.mud-nav-link"), a => a.GetAttribute("href") == "/admin");
    }
}
