using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Salam.Web.Components.Shared;

namespace Salam.Web.Tests;

/// <summary>
/// Before a staff page's circuit is up its content is inert (nothing can be clicked and lost) under a "connecting" note;
/// once live it is the plain content; a page that never goes live (a static form) is never held back.
/// </summary>
public sealed class WhenLiveTests : ComponentTest
{
    private IRenderedComponent<WhenLive> Render(bool interactive, HttpContext? request)
    {
        SetRendererInfo(new RendererInfo(interactive ? "Server" : "Static", interactive));
        RenderFragment content = b => { b.OpenElement(0, "button"); b.AddAttribute(1, "class", "act"); b.AddContent(2, "Place"); b.CloseElement(); };
        return Render<WhenLive>(p =>
        {
            if (request is not null) p.AddCascadingValue(request);
            p.AddChildContent(content);
        });
    }

    private static HttpContext RequestFor(Type page)
    {
        var request = new DefaultHttpContext();
        request.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(new ComponentTypeMetadata(page)), page.Name));
        return request;
    }

    [Fact]
    public void Prerendered_ahead_of_its_circuit_the_page_is_inert_and_says_it_is_connecting()
    {
        Use("en-US");
        var page = Render(interactive: false, RequestFor(typeof(Salam.Web.Components.Pages.Volunteers.VolunteerRosterPage)));

        Assert.True(page.Find(".flow-pending").HasAttribute("inert"));
        Assert.NotNull(page.Find(".flow-pending button.act"));
        Assert.Equal("status", page.Find(".flow-connecting").GetAttribute("role"));
        Assert.Contains("Connecting", page.Find(".flow-connecting").TextContent);
    }

    [Fact]
    public void Once_live_the_page_answers_clicks()
    {
        var page = Render(interactive: true, request: null);

        Assert.Empty(page.FindAll(".flow-pending"));
        Assert.Empty(page.FindAll(".flow-connecting"));
        Assert.Empty(page.FindAll("[inert]"));
        Assert.NotNull(page.Find("button.act"));
    }

    [Fact]
    public void A_page_that_never_goes_live_is_not_held_back()
    {
        // The residents' results page is a plain server-rendered page ([ExcludeFromInteractiveRouting]).
        var page = Render(interactive: false, RequestFor(typeof(Salam.Web.Components.Pages.Rounds.Results)));

        Assert.Empty(page.FindAll("[inert]"));
        Assert.NotNull(page.Find("button.act"));
    }
}
