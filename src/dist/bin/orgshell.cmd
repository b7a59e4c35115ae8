@echo off
rem orgshell, from a release archive: runs lib\orgshell.jar on Java 17 or newer, %JAVA_HOME%\bin\java.exe,
rem else java on the PATH. On Java 19 and newer the first start records a class-data archive in
rem %LOCALAPPDATA%\orgshell, which later starts map: about half the start-up time.
rem   ORGSHELL_JAVA_OPTS  extra JVM options        ORGSHELL_NO_CDS=1  no class-data archive
setlocal
set "ORGSHELL_HOME=%~dp0.."
set "JAVA="
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
if not defined JAVA for %%j in (java.exe) do set "JAVA=%%~$PATH:j"
if not defined JAVA (
  echo orgshell: needs Java 17 or newer and found none; install one and set JAVA_HOME 1>&2
  exit /b 1
)

rem java.specification.version: 1.8 for Java 8, then 9, 10, ... 17, 21
set "SPEC=0"
for /f "tokens=2 delims==" %%v in ('""%JAVA%" -XshowSettings:properties -version 2>&1 | findstr java.specification.version"') do set "SPEC=%%v"
set "SPEC=%SPEC: =%"
if "%SPEC:~0,2%"=="1." set "SPEC=0"
if %SPEC% LSS 17 goto too_old

set "CDS="
if not defined ORGSHELL_NO_CDS if %SPEC% GEQ 19 if defined LOCALAPPDATA (
  if not exist "%LOCALAPPDATA%\orgshell" mkdir "%LOCALAPPDATA%\orgshell" 2>nul
  set CDS=-XX:+AutoCreateSharedArchive "-XX:SharedArchiveFile=%LOCALAPPDATA%\orgshell\orgshell-${project.version}-java%SPEC%.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off
)

rem C1 only and the serial collector: a shell session is short and I/O-bound, so start-up beats peak speed.
"%JAVA%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn12m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:+ExitOnOutOfMemoryError -Dspring.aot.enabled=true %CDS% %ORGSHELL_JAVA_OPTS% -jar "%ORGSHELL_HOME%\lib\orgshell.jar" %*
exit /b %ERRORLEVEL%

:too_old
echo orgshell: needs Java 17 or newer; "%JAVA%" is older: install one and set JAVA_HOME 1>&2
exit /b 1
