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
            Secondary = "#F57C00",
            AppbarBackground = "#00695C",
            Background = "#F6F8F7",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Font },
        },
    };
}
