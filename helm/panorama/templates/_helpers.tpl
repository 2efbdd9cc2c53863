{{/* Name prefix of every object: the release name, or release-panorama when the release is not named after the chart. */}}
{{- define "panorama.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Object name of one component. Context: dict "root" $ "name" <component>. */}}
{{- define "panorama.componentName" -}}
{{- printf "%s-%s" (include "panorama.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels that select a component's pods: stable across upgrades, so no version here. */}}
{{- define "panorama.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* Standard labels of every object of a component. */}}
{{- define "panorama.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
{{ include "panorama.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/part-of: panorama
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
{{- end -}}

{{/* Labels of suite-wide objects (topics, realm import). */}}
{{- define "panorama.suiteLabels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/part-of: panorama
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{/* Image of a component: <registry>/<component>:<tag or appVersion>. */}}
{{- define "panorama.image" -}}
{{- printf "%s/%s:%s" .root.Values.image.registry .name (.root.Values.image.tag | default .root.Chart.AppVersion) -}}
{{- end -}}

{{/* Environment variable naming a component's REST address (panorama.services.<name>.url). */}}
{{- define "panorama.serviceUrlEnv" -}}
{{- printf "PANORAMA_SERVICES_%s_URL" (. | upper | replace "-" "_") -}}
{{- end -}}

{{/* Whether KEDA scales this component (it consumes topics and KEDA is on). */}}
{{- define "panorama.kedaScaled" -}}
{{- if and .root.Values.keda.enabled .component.consumes -}}true{{- end -}}
{{- end -}}
