using Bunit;
using Microsoft.AspNetCore.Components;

namespace Salam.Web.Tests;

/// <summary>
/// Finds an element and fires its event in one step on the renderer's thread. A component still loading renders again
/// when its load ends; between a plain Find and Click that render can retire the found element's handler. Like bUnit's
/// Click and Change, these return once the event is dispatched, not when its handler is done (a handler may wait on a dialog).
/// </summary>
internal static class RenderedActions
{
    public static Task ClickAsync<TComponent>(this IRenderedComponent<TComponent> cut, string selector) where TComponent : IComponent =>
        cut.InvokeAsync(() => cut.Find(selector).Click());

    public static Task ChangeAsync<TComponent>(this IRenderedComponent<TComponent> cut, string selector, object value) where TComponent : IComponent =>
        cut.InvokeAsync(() => cut.Find(selector).Change(new ChangeEventArgs { Value = value }));
}
