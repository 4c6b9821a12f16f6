; Wieg's installer for 64-bit Windows, built with Debian's makensis (3.08)
; and nothing from outside it: no plugins to download, no bootstrapper.
;
;   makensis -DVERSION=0.1.0 -DBINDIR=<folder with wieg-app.exe, wieg.exe and
;            WebView2Loader.dll> -DOUTFILE=<…\Wieg-0.1.0-setup.exe> wieg.nsi
;
; A per-user installation: no administrator rights, everything under
; %LOCALAPPDATA%\Programs\Wieg, a shortcut in the user's Start menu and an
; entry under "Apps en onderdelen". The coalition's data
; (%APPDATA%\nl.wieg.app) is never touched by installing, and by
; uninstalling only when the user ticks that it should go (or, silently,
; with /PURGE).
;
; Silent: Wieg-<versie>-setup.exe /S [/D=C:\Andere\Map]  (/D last, no quotes)
;         "%LOCALAPPDATA%\Programs\Wieg\uninstall.exe" /S [/PURGE]

Unicode true
Target amd64-unicode
SetCompressor /SOLID lzma
ManifestDPIAware true
RequestExecutionLevel user

!ifndef VERSION
  !error "makensis -DVERSION=x.y.z is needed (the version in Cargo.toml)"
!endif
!ifndef BINDIR
  !error "makensis -DBINDIR=… is needed (the folder with the Windows release build)"
!endif
!ifndef OUTFILE
  !define OUTFILE "Wieg-${VERSION}-setup.exe"
!endif
!ifndef ICON
  !define ICON "..\icons\icon.ico"
!endif

!define APPNAME "Wieg"
!define IDENTIFIER "nl.wieg.app"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${IDENTIFIER}"
; The WebView2 Runtime's product code, as Microsoft documents it for
; detecting an installed runtime.
!define WEBVIEW2 "{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"

Name "${APPNAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APPNAME}"
InstallDirRegKey HKCU "${UNINSTKEY}" "InstallLocation"
BrandingText "${APPNAME} ${VERSION}"

; 0.1.0 → 0.1.0.0 for the file's version resource.
!searchparse /noerrors "${VERSION}" "" V_MAJOR "." V_MINOR "." V_PATCH
VIProductVersion "${V_MAJOR}.${V_MINOR}.${V_PATCH}.0"
VIFileVersion "${V_MAJOR}.${V_MINOR}.${V_PATCH}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${APPNAME} ${VERSION} installeren"
VIAddVersionKey /LANG=0 "LegalCopyright" "EUPL-1.2"

!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\wieg-app.exe"
!define MUI_UNCOMPONENTSPAGE_NODESC

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the one used when Windows speaks neither.
!insertmacro MUI_LANGUAGE "Dutch"
!insertmacro MUI_LANGUAGE "English"

LangString WebView2Missing ${LANG_DUTCH} "Wieg heeft de Microsoft Edge WebView2 Runtime nodig om zijn venster te tonen, en die staat niet op deze computer.$\r$\n$\r$\nVraag uw IT-afdeling om de WebView2 Runtime van Microsoft te installeren (de gratis 'Evergreen'-versie, voor alle gebruikers). Op Windows 11 en bijgewerkte Windows 10 staat hij er meestal al op. Beheerders vinden hem op:$\r$\nhttps://developer.microsoft.com/microsoft-edge/webview2/$\r$\n$\r$\nToch installeren? Wieg opent dan pas als de runtime er is."
LangString WebView2Missing ${LANG_ENGLISH} "Wieg needs the Microsoft Edge WebView2 Runtime to show its window, and it is not on this computer.$\r$\n$\r$\nAsk your IT department to install Microsoft's WebView2 Runtime (the free 'Evergreen' version, for all users). Windows 11 and updated Windows 10 usually have it already. Administrators find it at:$\r$\nhttps://developer.microsoft.com/microsoft-edge/webview2/$\r$\n$\r$\nInstall anyway? Wieg will only open once the runtime is there."
LangString ProgramName ${LANG_DUTCH} "Wieg (het programma)"
LangString ProgramName ${LANG_ENGLISH} "Wieg (the program)"
LangString DataName ${LANG_DUTCH} "Ook de gegevens van de coalitie op deze computer verwijderen"
LangString DataName ${LANG_ENGLISH} "Also remove the coalition's data from this computer"

; Installs as the user, for the user.
Function .onInit
  SetShellVarContext current
  Call CheckWebView2
FunctionEnd

; The runtime is installed per machine (the usual case) or per user; a
; version of 0.0.0.0 or none means it is not there.
Function CheckWebView2
  ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\Microsoft\EdgeUpdate\Clients\${WEBVIEW2}" "pv"
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKLM "SOFTWARE\Microsoft\EdgeUpdate\Clients\${WEBVIEW2}" "pv"
  ${EndIf}
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKCU "Software\Microsoft\EdgeUpdate\Clients\${WEBVIEW2}" "pv"
  ${EndIf}
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ; Silent installs (IT departments) go on: they install the runtime
    ; themselves.
    MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "$(WebView2Missing)" /SD IDYES IDYES +2
    Abort
  ${EndIf}
FunctionEnd

Section "$(ProgramName)" SecProgram
  SectionIn RO
  SetOutPath "$INSTDIR"
  File "${BINDIR}\wieg-app.exe"
  File "${BINDIR}\wieg.exe"
  File "${BINDIR}\WebView2Loader.dll"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortCut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\wieg-app.exe" "" "$INSTDIR\wieg-app.exe" 0

  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\wieg-app.exe,0"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "Wieg"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTKEY}" "EstimatedSize" "$0"
SectionEnd

Section "un.$(ProgramName)" un.SecProgram
  SectionIn RO
  Delete "$SMPROGRAMS\${APPNAME}.lnk"
  Delete "$INSTDIR\wieg-app.exe"
  Delete "$INSTDIR\wieg.exe"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  ; The window's cache (WebView2 keeps it here); no coalition data.
  RMDir /r "$LOCALAPPDATA\${IDENTIFIER}"
  DeleteRegKey HKCU "${UNINSTKEY}"
SectionEnd

; Unticked unless the user ticks it: the database, the demo and the
; settings of every coalition on this computer for this user.
Section /o "un.$(DataName)" un.SecData
  RMDir /r "$APPDATA\${IDENTIFIER}"
SectionEnd

Function un.onInit
  SetShellVarContext current
  ; /PURGE: a silent uninstall that removes the data too.
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} $0 "/PURGE" $1
  ${IfNot} ${Errors}
    SectionSetFlags ${un.SecData} ${SF_SELECTED}
  ${EndIf}
FunctionEnd
