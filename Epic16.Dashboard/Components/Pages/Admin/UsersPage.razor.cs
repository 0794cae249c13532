using System.Net.Mail;
using Epic16.Dashboard.Components.Shared;
using Epic16.Domain.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace Epic16.Dashboard.Components.Pages.Admin;

public partial class UsersPage
{
    [Inject] private UserAdministration Administration { get; set; } = default!;
    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IJSRuntime Js { get; set; } = default!;

    private IReadOnlyList<UserSummary>? _users;
    private MudForm? _form;
    private bool _formValid;
    private bool _busy;
    private string? _error;
    private string _newEmail = "";
    private string _newPassword = "";
    private IReadOnlyCollection<string> _newRoles = [];

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync() => _users = await Administration.ListAsync(CurrentUser);

    private static string? ValidateEmail(string value) =>
        MailAddress.TryCreate(value?.Trim(), out _) && value!.Contains('.', StringComparison.Ordinal) ? null : "Enter a valid e-mail address";

    private Task AddAsync() => RunAsync(async () =>
    {
        if (!_newRoles.Any())
        {
            throw new UserAdministrationException("Choose at least one role.");
        }

        var user = await Administration.AddAsync(CurrentUser, _newEmail, _newPassword, _newRoles.ToList());
        Snackbar.Add($"{user.Email} created", Severity.Success);
        _newEmail = _newPassword = "";
        _newRoles = [];
        await _form!.ResetAsync();
    });

    private Task SetRolesAsync(UserSummary user, IReadOnlyCollection<string> roles) => RunAsync(async () =>
    {
        await Administration.SetRolesAsync(CurrentUser, user.Email, roles.ToList());
        Snackbar.Add($"Roles of {user.Email} saved", Severity.Success);
    });

    private Task UnlockAsync(UserSummary user) => RunAsync(async () =>
    {
        await Administration.UnlockAsync(CurrentUser, user.Email);
        Snackbar.Add($"{user.Email} unlocked", Severity.Success);
    });

    private Task SetDisabledAsync(UserSummary user, bool disabled) => RunAsync(async () =>
    {
        await Administration.SetDisabledAsync(CurrentUser, user.Email, disabled);
        Snackbar.Add($"{user.Email} {(disabled ? "disabled: their sessions end within a minute" : "enabled")}", Severity.Success);
    });

    private async Task RunAsync(Func<Task> action)
    {
        _busy = true;
        _error = null;
        try
        {
            await action();
        }
        catch (Exception e) when (e is UserAdministrationException or AccessDeniedException)
        {
            _error = e.Message;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            _error = $"The change could not be made: the user store did not answer ({e.Message.Split('\n')[0]}). Try again in a moment.";
        }
        finally
        {
            _busy = false;
        }

        try
        {
            await LoadAsync();
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or AccessDeniedException)
        {
            _error ??= $"The user list could not be refreshed: {e.Message.Split('\n')[0]}";
        }
    }

    private async Task ExportAsync()
    {
        var csv = CsvFile.Write(_users ?? [],
            ("email", u => u.Email),
            ("roles", u => string.Join(' ', u.Roles)),
            ("locked_out", u => u.LockedOut),
            ("lockout_end", u => u.LockoutEnd));
        await Js.DownloadCsvAsync("users.csv", csv);
    }
}
