using MudBlazor;

namespace Salam.Web.Components.Layout;

/// <summary>Salam's colours (a calm teal of the welfare programme) and the self-hosted Vazirmatn face.</summary>
public static class SalamTheme
{
    private static readonly string[] Font = ["Vazirmatn", "Tahoma", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#00796B",
            // Every colour below carries text (or white text on it) at 4.5:1 or more on white and on the page background
            // (WCAG 2.1 AA); MudBlazor's defaults (orange #FF9800, red #F44336, blue #2196F3, green #4CAF50) do not.
            Secondary = "#BF360C",
            Warning = "#A84300",
            Error = "#C62828",
            Info = "#1565C0",
            Success = "#2E7D32",
            TextSecondary = "rgba(0,0,0,0.68)",
            AppbarBackground = "#00695C",
            Background = "#F6F8F7",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Font },
        },
    };
}
