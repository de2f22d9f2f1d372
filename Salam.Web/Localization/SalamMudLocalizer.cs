using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Salam.Web.Localization;

/// <summary>
/// MudBlazor's own words (a select's "Clear", a pager's "Next page", a chip's "Close") from Salam's resources, under keys
/// <c>A11y.Mud.{MudBlazor's key}</c>; MudBlazor asks it whenever the page is not English, and falls back to its English for a
/// key Salam has not translated.
/// </summary>
public sealed class SalamMudLocalizer(IStringLocalizer<UiText> text) : MudLocalizer
{
    public const string Prefix = "A11y.Mud.";

    public override LocalizedString this[string key]
    {
        get
        {
            var found = text[Prefix + key];
            return new LocalizedString(key, found.Value, found.ResourceNotFound);
        }
    }
}
