using MudBlazor;

namespace Epic16.Dashboard.Components.Layout;

/// <summary>
/// The product's palette, light and dark. Every text colour and every filled colour with its contrast text meets WCAG 2.1
/// AA (4.5:1) on the surfaces it is used on; pages take colours from here (Color.Primary, Color.Success, …), never their own.
/// AccessibilityTests runs axe-core's contrast rule over every page in both modes.
/// </summary>
public static class Epic16Theme
{
    // Light: white text on every filled colour (ratios against #ffffff): primary 8.3, secondary 5.3, tertiary 6.6,
    // info 5.8, success 5.1, warning 5.1, error 5.6; as text on the #f5f7fa background each stays above 4.7.
    private static readonly PaletteLight Light = new()
    {
        Primary = "#1f4e8c",
        Secondary = "#00796b",
        Tertiary = "#00695c",
        Info = "#1565c0",
        Success = "#2e7d32",
        Warning = "#a75a00",
        Error = "#c62828",
        AppbarBackground = "#1f4e8c",
        Background = "#f5f7fa",
        TextSecondary = "#5f6368",
        ActionDefault = "#5f6368",
        LinesInputs = "#8a8d93",
    };

    // Dark: light tints carry near-black text (ratios above 9), and read as text on the dark surfaces (above 5.4).
    private static readonly PaletteDark Dark = new()
    {
        Primary = "#90caf9",
        PrimaryContrastText = "#10131a",
        Secondary = "#80cbc4",
        SecondaryContrastText = "#10131a",
        Tertiary = "#a5d6a7",
        TertiaryContrastText = "#10131a",
        Info = "#90caf9",
        InfoContrastText = "#10131a",
        Success = "#81c784",
        SuccessContrastText = "#10131a",
        Warning = "#ffb74d",
        WarningContrastText = "#10131a",
        Error = "#ef9a9a",
        ErrorContrastText = "#10131a",
        TextPrimary = "rgba(255,255,255,0.87)",
        TextSecondary = "#c4c4ca",
        ActionDefault = "#c4c4ca",
        DrawerText = "rgba(255,255,255,0.87)",
        DrawerIcon = "#c4c4ca",
        AppbarText = "rgba(255,255,255,0.87)",
    };

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = Light,
        PaletteDark = Dark,
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
